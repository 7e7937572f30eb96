package com.workline.persistence.tenancy;

import com.workline.persistence.admin.Role;

import java.util.UUID;

/** An organization the signed-in person may work in, with their role there. */
public record OrganizationChoice(UUID id, String name, Role role) {
}
