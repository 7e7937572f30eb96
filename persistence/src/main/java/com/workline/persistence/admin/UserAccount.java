package com.workline.persistence.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person. Global, not per tenant: one person may work for several organizations. Policies show
 * yourself and the people of the organization you work in; you may update only your own profile
 * fields (column grants), everything else goes through SECURITY DEFINER functions.
 */
@Entity
@Table(schema = "sec", name = "users")
@DynamicUpdate
public class UserAccount {
    @Id
    @Column(updatable = false)
    private UUID id;
    @Column(insertable = false, updatable = false)
    private String login;
    @Column(insertable = false, updatable = false)
    private String email;
    @Column(name = "first_name")
    private String firstName;
    @Column(name = "last_name")
    private String lastName;
    @Column(name = "display_name")
    private String displayName;
    private String phone;
    private String locale;
    @Column(insertable = false, updatable = false)
    private String status;
    @Column(name = "last_sign_in_at", insertable = false, updatable = false)
    private OffsetDateTime lastSignInAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", insertable = false, updatable = false)
    private OffsetDateTime updatedAt;
    @Version
    private int version;

    protected UserAccount() {
    }

    Profile toProfile() {
        return new Profile(id, email, firstName, lastName, displayName, phone, locale, version);
    }

    void apply(Profile p) {
        firstName = p.firstName();
        lastName = p.lastName();
        displayName = p.displayName();
        phone = p.phone();
        locale = p.locale();
    }

    public int version() {
        return version;
    }
}
