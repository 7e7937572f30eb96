package com.workline.persistence.admin;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of `workline admin list-orgs`. */
public record OrganizationSummary(UUID id, String name, String baseCurrency, int activeMembers, OffsetDateTime createdAt) {
}
