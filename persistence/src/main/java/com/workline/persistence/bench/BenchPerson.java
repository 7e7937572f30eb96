package com.workline.persistence.bench;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.session.Role;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Whom a benchmark signs in as: its manager, added to the organization once, or a member; a new random password each run. */
record BenchPerson(String email, char[] password) {

    static BenchPerson enrol(OrganizationProvisioning provisioning, UUID organizationId) {
        char[] password = newPassword();
        String email = "bench." + organizationId.toString().substring(0, 8) + "@bench.workline.invalid";
        try {
            provisioning.addPerson(organizationId, new NewPerson(email, "Bench", "Runner", Role.MANAGER, password));
        } catch (RuntimeException alreadyThere) {
            provisioning.setPassword(email, password);
        }
        return new BenchPerson(email, password);
    }

    /** Someone who is already a member (e.g. generated), signed in with a new random password. */
    static BenchPerson existing(OrganizationProvisioning provisioning, String email) {
        char[] password = newPassword();
        provisioning.setPassword(email, password);
        return new BenchPerson(email, password);
    }

    private static char[] newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
