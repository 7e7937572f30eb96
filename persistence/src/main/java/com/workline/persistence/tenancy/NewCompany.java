package com.workline.persistence.tenancy;

/** What the first-run "Create your company" form asks. */
public record NewCompany(String companyName, String country, String currency, String firstName, String lastName,
                         String email, char[] password) {
}
