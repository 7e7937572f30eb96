package com.workline.persistence.admin;

import com.workline.persistence.session.Role;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person as listed on the people screen of one organization. */
public record Member(UUID userId, String email, String firstName, String lastName, String displayName,
                     Role role, boolean active, OffsetDateTime lastSignInAt) {
}
