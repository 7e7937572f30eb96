package com.workline.ui.projects;

import com.workline.persistence.admin.Member;

import java.util.List;
import java.util.UUID;

/** A person of the organization as the project screens offer them (manager, assignee, member). */
public record Person(UUID id, String name) {
    /** The active people of the organization, by the name they go by. */
    static List<Person> activeOf(List<Member> members) {
        return members.stream().filter(Member::active).map(m -> new Person(m.userId(),
                m.displayName() != null && !m.displayName().isBlank() ? m.displayName()
                        : (m.firstName() + " " + m.lastName()).strip())).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
