package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PipelineServiceTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void adminsReorderRenameAddAndRemoveStagesAndTheBoardFollows() {
        UUID org = db.newOrganization("Pipelines");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        PipelineService pipelines = Crm.of(admin).pipelines();
        UUID sales = pipelines.pipelines().get(0).id();
        List<PipelineStage> stages = new ArrayList<>(pipelines.stages(sales));
        assertThat(stages).extracting(PipelineStage::name)
                .containsExactly("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost");

        PipelineStage qualified = stages.remove(1);
        stages.add(0, new PipelineStage(qualified.id(), "Qualified lead", new BigDecimal("20"), false, false,
                qualified.version()));
        stages.add(3, new PipelineStage(null, "Trial", new BigDecimal("60"), false, false, 0));
        pipelines.saveStages(sales, stages);

        assertThat(pipelines.stages(sales)).extracting(PipelineStage::name)
                .containsExactly("Qualified lead", "Lead", "Proposal", "Trial", "Negotiation", "Won", "Lost");
        assertThat(Crm.of(admin).deals().board(sales, 5)).extracting(BoardColumn::name)
                .containsExactly("Qualified lead", "Lead", "Proposal", "Trial", "Negotiation", "Won", "Lost");
        assertThat(Crm.of(admin).deals().board(sales, 5).get(0).probability()).isEqualByComparingTo("20");

        assertThatThrownBy(() -> pipelines.saveStages(sales, stages)).as("the versions read before the save are stale")
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void stageRulesAreCheckedBeforeAnythingIsSaved() {
        UUID org = db.newOrganization("Stage rules");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.OWNER), org);
        PipelineService pipelines = Crm.of(admin).pipelines();
        UUID sales = pipelines.pipelines().get(0).id();
        List<PipelineStage> stages = new ArrayList<>(pipelines.stages(sales));
        List<PipelineStage> broken = new ArrayList<>(stages);
        broken.set(0, new PipelineStage(stages.get(0).id(), " ", new BigDecimal("10"), false, false, stages.get(0).version()));
        broken.set(1, new PipelineStage(stages.get(1).id(), "Proposal", new BigDecimal("120"), false, false,
                stages.get(1).version()));
        broken.set(3, new PipelineStage(stages.get(3).id(), "Negotiation", BigDecimal.TEN, true, true, stages.get(3).version()));
        assertThatThrownBy(() -> pipelines.saveStages(sales, broken)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("stage.0.name", "stage.2.name", "stage.1.probability",
                        "stage.3.won", "stages"));
        assertThat(pipelines.stages(sales)).isEqualTo(stages);

        UUID customer = Crm.of(admin).customers().create(CustomerDetails.newCustomer("Open deal owner", CustomerType.COMPANY,
                CustomerStatus.ACTIVE)).id();
        Crm.of(admin).deals().create("Still open", customer, BigDecimal.ONE, "EUR", null);
        List<PipelineStage> withoutLead = new ArrayList<>(stages.subList(1, stages.size()));
        assertThatThrownBy(() -> pipelines.saveStages(sales, withoutLead)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors().get("stages")).contains("\"Lead\" still has 1 open deal"));
        List<PipelineStage> withoutQualified = new ArrayList<>(stages);
        withoutQualified.remove(1);
        pipelines.saveStages(sales, withoutQualified);
        assertThat(pipelines.stages(sales)).extracting(PipelineStage::name)
                .containsExactly("Lead", "Proposal", "Negotiation", "Won", "Lost");
    }

    @Test
    void aNewPipelineCanBecomeTheDefaultThatReceivesNewDeals() {
        UUID org = db.newOrganization("Two pipelines");
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        PipelineService pipelines = Crm.of(admin).pipelines();
        UUID service = pipelines.createPipeline("Service contracts");
        assertThat(pipelines.stages(service)).extracting(PipelineStage::name).containsExactly("New", "Won", "Lost");
        pipelines.makeDefault(service);
        assertThat(pipelines.pipelines()).extracting(Pipeline::name, Pipeline::isDefault)
                .containsExactly(tuple("Service contracts", true),
                        tuple("Sales", false));
        assertThat(Crm.of(admin).deals().defaultPipeline()).isEqualTo(service);
        Pipeline current = pipelines.pipelines().get(0);
        pipelines.rename(service, current.version(), "Service");
        assertThatThrownBy(() -> pipelines.rename(service, current.version(), "Stale")).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> pipelines.createPipeline(" ")).isInstanceOf(ValidationException.class);
    }

    @Test
    void onlyOwnersAndAdminsChangePipelinesTheDatabaseRefusesEveryoneElse() {
        UUID org = db.newOrganization("Pipeline rights");
        TenantSession manager = db.signInTo(db.newPerson(org, Role.MANAGER), org);
        PipelineService pipelines = Crm.of(manager).pipelines();
        UUID sales = pipelines.pipelines().get(0).id();
        assertThatThrownBy(() -> pipelines.createPipeline("Mine")).isInstanceOf(WorklineException.class)
                .hasMessageContaining("Only owners and administrators");
        List<PipelineStage> stages = pipelines.stages(sales);
        List<PipelineStage> renamed = new ArrayList<>(stages);
        renamed.set(0, new PipelineStage(stages.get(0).id(), "Renamed", BigDecimal.TEN, false, false, stages.get(0).version()));
        assertThatThrownBy(() -> pipelines.saveStages(sales, renamed)).isInstanceOf(WorklineException.class);
        assertThat(pipelines.stages(sales)).isEqualTo(stages);
    }
}
