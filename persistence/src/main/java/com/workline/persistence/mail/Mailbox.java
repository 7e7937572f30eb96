package com.workline.persistence.mail;

import com.workline.persistence.common.Checks;

/** An e-mail address with an optional display name ({@code "Anna Müller" <anna@example.com>}). */
public record Mailbox(String address, String name) {
    public Mailbox {
        address = address == null ? null : address.strip();
        name = name == null || name.isBlank() ? null : name.strip();
    }

    public static Mailbox of(String address) {
        return new Mailbox(address, null);
    }

    public boolean valid() {
        return Checks.email(address) && Checks.maxLength(name, 200);
    }

    @Override
    public String toString() {
        return name == null ? address : name + " <" + address + ">";
    }
}
