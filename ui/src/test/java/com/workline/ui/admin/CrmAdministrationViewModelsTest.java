package com.workline.ui.admin;

import com.workline.persistence.crm.Crm;
import com.workline.persistence.session.Role;
import com.workline.persistence.crm.CustomFieldType;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CrmAdministrationViewModelsTest {
    private final TestDatabase db = TestDatabase.get();
    private TenantSession admin;

    @BeforeEach
    void organization() {
        UUID org = db.newOrganization("CRM admin VM");
        admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
    }

    @AfterEach
    void close() {
        admin.person().close();
    }

    @Test
    void pipelineStagesAreEditedReorderedAndSavedTogetherErrorsStayNextToTheirRow() {
        PipelinesViewModel vm = new PipelinesViewModel(Crm.of(admin).pipelines(), BackgroundTasks.direct(), Locale.GERMANY);
        vm.load();
        assertThat(vm.pipelineProperty().get().name()).isEqualTo("Sales");
        assertThat(vm.stages()).extracting(r -> r.nameProperty().get())
                .containsExactly("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost");

        vm.addStage();
        assertThat(vm.stages().get(4).nameProperty().get()).as("new stages go before won and lost").isEmpty();
        vm.stages().get(4).probabilityProperty().set("90,5");
        vm.save();
        assertThat(vm.errors().get("stage.4.name")).isEqualTo("Enter a name.");
        assertThat(vm.stages()).as("nothing typed is lost").hasSize(7);
        vm.stages().get(4).nameProperty().set("Contract sent");
        vm.move(vm.stages().get(1), -1);
        vm.stages().get(0).probabilityProperty().set("abc");
        vm.save();
        assertThat(vm.errors().get("stage.0.probability")).isEqualTo("A percentage from 0 to 100.");
        vm.stages().get(0).probabilityProperty().set("20");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("The stages of Sales are saved.");
        assertThat(vm.stages()).extracting(r -> r.nameProperty().get())
                .containsExactly("Qualified", "Lead", "Proposal", "Negotiation", "Contract sent", "Won", "Lost");
        assertThat(vm.stages().get(4).probabilityProperty().get()).isEqualTo("90,5");

        vm.createPipeline("Service");
        assertThat(vm.pipelines()).extracting(p -> p.name()).containsExactly("Sales", "Service");
        vm.makeDefault();
        assertThat(vm.pipelines().get(0).name()).isEqualTo("Service");
        assertThat(vm.pipelines().get(0).isDefault()).isTrue();
    }

    @Test
    void customFieldsAreDefinedWithASuggestedKeyEditedAndRemoved() {
        CustomFieldsViewModel vm = new CustomFieldsViewModel(Crm.of(admin).customFields(), BackgroundTasks.direct());
        vm.load();
        vm.startNew();
        vm.labelProperty().set("Délivery zone");
        assertThat(vm.keyProperty().get()).isEqualTo("delivery_zone");
        vm.typeProperty().set(CustomFieldType.SELECT);
        vm.save();
        assertThat(vm.errors().get("options")).isEqualTo("A choice field needs at least one option.");
        assertThat(vm.labelProperty().get()).as("the form keeps its input").isEqualTo("Délivery zone");
        vm.optionsProperty().set("North, South, , North");
        vm.requiredProperty().set(true);
        vm.save();
        assertThat(vm.fields()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("delivery_zone");
            assertThat(f.options()).containsExactly("North", "South");
            assertThat(f.required()).isTrue();
        });

        vm.edit(vm.fields().get(0));
        assertThat(vm.editingProperty().get()).isTrue();
        vm.labelProperty().set("Zone");
        assertThat(vm.keyProperty().get()).as("an existing key never changes").isEqualTo("delivery_zone");
        vm.save();
        assertThat(vm.fields().get(0).label()).isEqualTo("Zone");

        vm.kindProperty().set("deal");
        vm.load();
        assertThat(vm.fields()).isEmpty();
        vm.kindProperty().set("customer");
        vm.load();
        vm.edit(vm.fields().get(0));
        vm.remove();
        assertThat(vm.fields()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Zone was removed.");
    }

    @Test
    void aFieldChangedByAnotherAdminMeanwhileIsNotOverwrittenUntilSavedAgain() {
        CustomFieldsViewModel vm = new CustomFieldsViewModel(Crm.of(admin).customFields(), BackgroundTasks.direct());
        vm.kindProperty().set("deal");
        vm.startNew();
        vm.labelProperty().set("Source");
        vm.typeProperty().set(CustomFieldType.SELECT);
        vm.optionsProperty().set("Fair, Web");
        vm.save();
        vm.edit(vm.fields().get(0));
        vm.labelProperty().set("Lead source");

        // Another administrator changes the same field first.
        var other = Crm.of(admin).customFields();
        var stored = other.definitions("deal").get(0);
        other.update(stored.id(), stored.version(), "Origin", java.util.List.of("Fair", "Web", "Phone"), true);

        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Someone else changed or removed this field");
        assertThat(vm.labelProperty().get()).as("my typing stays").isEqualTo("Lead source");
        assertThat(vm.fields()).singleElement().satisfies(f -> assertThat(f.label()).isEqualTo("Origin"));
        assertThat(other.definitions("deal").get(0).label()).isEqualTo("Origin");
        // Saved again, deliberately: now mine replaces theirs.
        vm.save();
        assertThat(other.definitions("deal").get(0).label()).isEqualTo("Lead source");

        vm.edit(vm.fields().get(0));
        var again = other.definitions("deal").get(0);
        other.remove(again.id(), again.version());
        vm.remove();
        assertThat(vm.messageProperty().get()).startsWith("Someone else changed or removed this field");
        assertThat(vm.editingProperty().get()).as("the field is gone: the form is empty again").isFalse();
    }
}
