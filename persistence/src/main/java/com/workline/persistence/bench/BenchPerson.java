package com.workline.persistence.bench;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.session.Role;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** The manager a benchmark signs in as: added to the organization once, with a new random password each run. */
record BenchPerson(String email, char[] password) {

    static BenchPerson enrol(OrganizationProvisioning provisioning, UUID organizationId) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
        String email = "bench." + organizationId.toString().substring(0, 8) + "@bench.workline.invalid";
        try {
            provisioning.addPerson(organizationId, new NewPerson(email, "Bench", "Runner", Role.MANAGER, password));
        } catch (RuntimeException alreadyThere) {
            provisioning.setPassword(email, password);
        }
        return new BenchPerson(email, password);
    }
}
