package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomFieldAdministrationTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void adminsDefineChangeAndRemoveFieldsPerKindOthersCannot() {
        UUID org = db.newOrganization("Fields");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        CustomFieldService fields = Crm.of(admin).customFields();
        UUID segment = fields.define("customer", "segment", "Segment", CustomFieldType.SELECT, List.of("A", "B"), false);
        fields.define("deal", "segment", "Deal segment", CustomFieldType.TEXT, List.of(), true);
        assertThat(fields.definitions("customer")).extracting(CustomFieldDefinition::label).containsExactly("Segment");
        assertThat(fields.definitions("deal")).extracting(CustomFieldDefinition::label).containsExactly("Deal segment");

        fields.update(segment, version(fields, segment), "Market segment", List.of("A", "B", "C"), true);
        assertThat(fields.definitions("customer")).singleElement().satisfies(d -> {
            assertThat(d.label()).isEqualTo("Market segment");
            assertThat(d.options()).containsExactly("A", "B", "C");
            assertThat(d.required()).isTrue();
            assertThat(d.type()).isEqualTo(CustomFieldType.SELECT);
        });
        assertThatThrownBy(() -> fields.update(segment, version(fields, segment), " ", List.of(), false)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("label", "options"));
        assertThatThrownBy(() -> fields.define("customer", "segment", "Again", CustomFieldType.TEXT, List.of(), false))
                .as("keys are unique per kind").isInstanceOf(WorklineException.class);

        assertThatThrownBy(() -> Crm.of(employee).customFields().update(segment, version(fields, segment), "Mine", List.of("X"), false))
                .isInstanceOf(WorklineException.class);
        assertThatThrownBy(() -> Crm.of(employee).customFields().remove(segment, version(fields, segment))).isInstanceOf(WorklineException.class);
        assertThat(fields.definitions("customer")).hasSize(1);

        fields.remove(segment, version(fields, segment));
        assertThat(fields.definitions("customer")).isEmpty();
    }

    private static int version(CustomFieldService fields, UUID id) {
        return java.util.stream.Stream.of("customer", "contact", "deal").flatMap(k -> fields.definitions(k).stream())
                .filter(d -> d.id().equals(id)).findFirst().orElseThrow().version();
    }

    @Test
    void aChangeOrRemovalBasedOnAnOlderVersionIsRefusedAndOverwritesNothing() {
        UUID org = db.newOrganization("Field versions");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        TenantSession owner = db.signInTo(db.newPerson(org, Role.OWNER), org);
        try {
            CustomFieldService mine = Crm.of(admin).customFields();
            UUID id = mine.define("deal", "source", "Source", CustomFieldType.SELECT, List.of("Fair"), false);
            CustomFieldDefinition loaded = mine.definitions("deal").get(0);
            assertThat(loaded.version()).isZero();

            Crm.of(owner).customFields().update(id, loaded.version(), "Lead source", List.of("Fair", "Web"), true);
            assertThatThrownBy(() -> mine.update(id, loaded.version(), "Origin", List.of("Fair"), false))
                    .isInstanceOfSatisfying(ConcurrentEditException.class,
                            e -> assertThat(e.problem()).isEqualTo(com.workline.persistence.common.Problem.CONFLICT));
            assertThatThrownBy(() -> mine.remove(id, loaded.version())).isInstanceOf(ConcurrentEditException.class);
            assertThat(mine.definitions("deal")).singleElement().satisfies(d -> {
                assertThat(d.label()).isEqualTo("Lead source");
                assertThat(d.options()).containsExactly("Fair", "Web");
                assertThat(d.version()).isEqualTo(1);
            });

            CustomFieldDefinition fresh = mine.definitions("deal").get(0);
            mine.update(id, fresh.version(), "Origin", List.of("Fair"), false);
            assertThat(mine.definitions("deal").get(0).version()).isEqualTo(2);
            mine.remove(id, 2);
            assertThatThrownBy(() -> Crm.of(owner).customFields().update(id, 3, "Back", List.of("Fair"), false))
                    .as("a removed field").isInstanceOf(WorklineException.class);
            assertThat(mine.definitions("deal")).isEmpty();
        } finally {
            admin.person().close();
            owner.person().close();
        }
    }
}
