package com.workline.persistence.tenancy;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.PersonDatabase;

import java.util.List;
import java.util.UUID;

/** A person who has signed in and may now choose (or switch) the organization they work in. */
public final class SignedInPerson implements AutoCloseable {
    private final PersonDatabase db;
    private final String email;
    private final UUID userId;
    private volatile List<OrganizationChoice> organizations;

    SignedInPerson(PersonDatabase db, String email, UUID userId, List<OrganizationChoice> organizations) {
        this.db = db;
        this.email = email;
        this.userId = userId;
        this.organizations = List.copyOf(organizations);
    }

    public String email() {
        return email;
    }

    public UUID userId() {
        return userId;
    }

    public List<OrganizationChoice> organizations() {
        return organizations;
    }

    /** Reads the organization list again (memberships may have changed since sign-in). */
    public List<OrganizationChoice> refreshOrganizations() {
        organizations = List.copyOf(db.inTenant(session -> session.doReturningWork(SignInService::listOrganizations)));
        return organizations;
    }

    /** Works in {@code organizationId} from now on; the database checks the membership on every statement. */
    public TenantSession choose(UUID organizationId) {
        OrganizationChoice choice = organizations.stream().filter(o -> o.id().equals(organizationId)).findFirst()
                .orElseThrow(() -> new WorklineException(Problem.NO_MEMBERSHIP,
                        "You are not a member of this organization."));
        db.selectTenant(choice.id());
        return new TenantSession(db, this, choice);
    }

    public PersonDatabase database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
