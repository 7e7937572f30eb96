package com.workline.persistence.db;

import com.workline.persistence.admin.Role;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.tenancy.TenantSession;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest {
    @Test
    void signsInAndLoadsSettings() {
        TestDatabase db = TestDatabase.get();
        UUID org = db.newOrganization("Smoke");
        TestPerson owner = db.newPerson(org, Role.OWNER);
        TenantSession session = db.signInTo(owner, org);
        try {
            assertThat(session.organizationSettings().load().name()).startsWith("Smoke");
        } finally {
            session.person().close();
        }
    }
}
