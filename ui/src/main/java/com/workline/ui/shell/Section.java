package com.workline.ui.shell;

/** The areas the sidebar offers. Business areas are added here as they are built; none is shown before. */
public enum Section {
    HOME("nav.home", false),
    ORGANIZATION("nav.organization", true),
    PEOPLE("nav.people", true),
    PROFILE("nav.profile", false);

    private final String messageKey;
    private final boolean administration;

    Section(String messageKey, boolean administration) {
        this.messageKey = messageKey;
        this.administration = administration;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Only owners and admins see administration sections. */
    public boolean administration() {
        return administration;
    }
}
