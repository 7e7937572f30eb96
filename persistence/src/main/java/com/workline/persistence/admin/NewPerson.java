package com.workline.persistence.admin;

import com.workline.persistence.session.Role;
/**
 * A person to add to the current organization. The initial password is turned into a SCRAM verifier
 * on this machine; it never travels to the server. It is ignored when the email already has an account.
 */
public record NewPerson(String email, String firstName, String lastName, Role role, char[] initialPassword) {

    static boolean hasPassword(NewPerson person) {
        return person.initialPassword() != null && person.initialPassword().length > 0;
    }
}
