package com.workline.persistence.db;

/** What a migration run did: the schema version before and after, and how many migrations it applied. */
public record MigrationReport(Integer versionBefore, int versionAfter, int applied) {
}
