package com.workline.persistence.admin;

import java.util.UUID;

/** The signed-in person's own profile. The email is the sign-in name and is not edited here. */
public record Profile(UUID userId, String email, String firstName, String lastName, String displayName,
                      String phone, String locale, int version) {
}
