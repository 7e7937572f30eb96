package com.workline.persistence.admin;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import org.hibernate.Session;

/**
 * Configuration that only owners and admins change (organization settings, pipelines, custom fields). The database enforces it
 * (restrictive policies make other people's updates touch no row); this check turns that silence into
 * a message the person understands, before anything is written.
 */
public final class AdminOnly {
    private AdminOnly() {
    }

    /** Throws NOT_ALLOWED ("Only owners and administrators can change {@code what}.", a key of the problems bundle) for anyone else. */
    public static void require(Session session, Text what) {
        if (!session.createNativeQuery("SELECT sec.has_role('owner', 'admin')", Boolean.class).getSingleResult()) {
            throw new WorklineException(Problem.NOT_ALLOWED, Text.of("admin.onlyAdmins", what));
        }
    }
}
