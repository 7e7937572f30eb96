package com.workline.ui.shell;

/** The areas the sidebar offers. Business areas are added here as they are built; none is shown before. */
public enum Section {
    HOME("nav.home", null),
    CUSTOMERS("nav.customers", "nav.crm"),
    PIPELINE("nav.pipeline", "nav.crm"),
    ORGANIZATION("nav.organization", "nav.administration"),
    PEOPLE("nav.people", "nav.administration"),
    PIPELINES("nav.pipelines", "nav.administration"),
    CUSTOM_FIELDS("nav.customFields", "nav.administration"),
    PROFILE("nav.profile", null);

    private final String messageKey;
    private final String groupKey;

    Section(String messageKey, String groupKey) {
        this.messageKey = messageKey;
        this.groupKey = groupKey;
    }

    /** The caption the sidebar shows above this section's group, or null. */
    public String groupKey() {
        return groupKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Only owners and admins see administration sections. */
    public boolean administration() {
        return "nav.administration".equals(groupKey);
    }
}
