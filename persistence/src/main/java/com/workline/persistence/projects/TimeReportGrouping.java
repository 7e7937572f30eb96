package com.workline.persistence.projects;

/** What a time report adds up by: a person, project, customer (none: internal projects), service category, or period. */
public enum TimeReportGrouping {
    PERSON, PROJECT, CUSTOMER, SERVICE_CATEGORY, WEEK, MONTH
}
