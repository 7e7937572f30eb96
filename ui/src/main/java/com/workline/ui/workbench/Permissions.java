package com.workline.ui.workbench;

import com.workline.persistence.session.Role;

/**
 * What the signed-in person may do in this organization, as the screens ask it: the one place in the client
 * where roles turn into allowed actions. It mirrors the database's rules (which enforce them regardless of
 * what a screen offers); a screen never compares roles itself.
 */
public record Permissions(Role role) {
    /** Create and change business records (customers, deals, activities): everyone but viewers. */
    public boolean mayEdit() {
        return role != Role.VIEWER;
    }

    /** Delete and restore records, approve others' work: managers, admins and owners. */
    public boolean mayManage() {
        return role == Role.OWNER || role == Role.ADMIN || role == Role.MANAGER;
    }

    /** Organization settings, people, pipelines, custom fields: owners and admins. */
    public boolean mayAdminister() {
        return role.canAdminister();
    }

    /** Who may see a section or action: a minimum level of the role order (owner, admin, manager, employee, viewer). */
    public boolean atLeast(Role minimum) {
        return role.ordinal() <= minimum.ordinal();
    }
}
