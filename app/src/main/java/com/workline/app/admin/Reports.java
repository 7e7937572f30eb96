package com.workline.app.admin;

import com.workline.persistence.db.MigrationReport;

/** Sentences the admin commands print. */
final class Reports {
    private Reports() {
    }

    static String describe(MigrationReport report) {
        if (report.applied() == 0) {
            return "Schema is at version " + report.versionAfter() + "; nothing to migrate.";
        }
        return "Applied " + report.applied() + " migration(s): schema version "
                + (report.versionBefore() == null ? "(empty)" : report.versionBefore()) + " -> " + report.versionAfter() + ".";
    }
}
