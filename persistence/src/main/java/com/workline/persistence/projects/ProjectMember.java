package com.workline.persistence.projects;

import java.util.UUID;

/** A person working on a project; inactive members have left it. */
public record ProjectMember(UUID userId, String name, String roleInProject, boolean active) {
}
