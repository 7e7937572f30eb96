package com.workline.persistence.testing;

import java.util.UUID;

/** A person created for a test: their user id, sign-in email, PostgreSQL login and password. */
public record TestPerson(UUID userId, String email, String login, String password) {
}
