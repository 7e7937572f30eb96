package com.workline.persistence.admin;

/** A new organization as created by `workline admin create-org` or the first-run set-up. */
public record NewOrganization(String name, String baseCurrency, String country, String timezone, String locale) {
}
