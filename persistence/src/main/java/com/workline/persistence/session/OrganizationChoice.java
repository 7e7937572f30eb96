package com.workline.persistence.session;



import java.util.UUID;

/** An organization the signed-in person may work in, with their role there. */
public record OrganizationChoice(UUID id, String name, Role role) {
}
