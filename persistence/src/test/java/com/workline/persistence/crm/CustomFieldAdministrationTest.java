package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
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

        fields.update(segment, "Market segment", List.of("A", "B", "C"), true);
        assertThat(fields.definitions("customer")).singleElement().satisfies(d -> {
            assertThat(d.label()).isEqualTo("Market segment");
            assertThat(d.options()).containsExactly("A", "B", "C");
            assertThat(d.required()).isTrue();
            assertThat(d.type()).isEqualTo(CustomFieldType.SELECT);
        });
        assertThatThrownBy(() -> fields.update(segment, " ", List.of(), false)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("label", "options"));
        assertThatThrownBy(() -> fields.define("customer", "segment", "Again", CustomFieldType.TEXT, List.of(), false))
                .as("keys are unique per kind").isInstanceOf(WorklineException.class);

        assertThatThrownBy(() -> Crm.of(employee).customFields().update(segment, "Mine", List.of("X"), false))
                .isInstanceOf(WorklineException.class);
        assertThatThrownBy(() -> Crm.of(employee).customFields().remove(segment)).isInstanceOf(WorklineException.class);
        assertThat(fields.definitions("customer")).hasSize(1);

        fields.remove(segment);
        assertThat(fields.definitions("customer")).isEmpty();
    }
}
