package com.workline.persistence.crm;

import java.util.UUID;

/** A person at a customer. */
public record Contact(UUID id, UUID customerId, String firstName, String lastName, String title, String department,
                      String email, String phone, String mobile, boolean primary, boolean billing, boolean decisionMaker,
                      String notes, int version) {
}
