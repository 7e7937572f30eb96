package com.workline.ui.crm;

import com.workline.persistence.crm.Crm;
import com.workline.persistence.session.Role;
import com.workline.persistence.crm.BoardColumn;
import com.workline.persistence.crm.CustomFieldType;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CrmViewModelsTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TenantSession session;

    @BeforeEach
    void organization() {
        org = db.newOrganization("CRM VM");
        session = db.signInTo(db.newPerson(org, Role.MANAGER), org);
    }

    @AfterEach
    void close() {
        session.person().close();
    }

    private CustomerRecordViewModel record(TenantSession s, List<CustomerDetails> saved) {
        return new CustomerRecordViewModel(Crm.of(s).customers(), Crm.of(s).customFields(), Crm.of(s).contacts(), Crm.of(s).activities(),
                BackgroundTasks.direct(), saved::add);
    }

    @Test
    void listSearchesFiltersCountsAndPagesOn() {
        for (int i = 0; i < 130; i++) {
            Crm.of(session).customers().create(CustomerDetails.newCustomer(String.format("Firm %03d", i), CustomerType.COMPANY,
                    i % 10 == 0 ? CustomerStatus.LEAD : CustomerStatus.ACTIVE));
        }
        CustomerListViewModel vm = new CustomerListViewModel(session, BackgroundTasks.direct(), Locale.US);
        vm.refresh();
        assertThat(vm.rows()).hasSize(CustomerListViewModel.PAGE_SIZE);
        assertThat(vm.countTextProperty().get()).isEqualTo("130 customers");
        assertThat(vm.morePagesProperty().get()).isTrue();
        vm.loadMore();
        assertThat(vm.rows()).hasSize(130).extracting(r -> r.name()).doesNotHaveDuplicates().isSorted();
        assertThat(vm.morePagesProperty().get()).isFalse();
        vm.searchProperty().set("firm 12");
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Firm 120", "Firm 121", "Firm 122",
                "Firm 123", "Firm 124", "Firm 125", "Firm 126", "Firm 127", "Firm 128", "Firm 129");
        vm.searchProperty().set("");
        vm.statusProperty().set(CustomerStatus.LEAD);
        vm.refresh();
        assertThat(vm.rows()).hasSize(13);
        assertThat(vm.countTextProperty().get()).isEqualTo("13 customers");
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("leads", ".csv");
            vm.exportTo(file);
            assertThat(vm.messageProperty().get()).isEqualTo("Exported 13 customers to " + file.getFileName() + ".");
            assertThat(java.nio.file.Files.readAllLines(file)).hasSize(14);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void listFiltersByOwnerTagAndCustomFieldAndRestoresASavedViewWithItsColumns() {
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        try {
            Crm.of(admin).customFields().define("customer", "regions", "Regions", CustomFieldType.MULTISELECT,
                    List.of("North", "South"), false);
        } finally {
            admin.person().close();
        }
        UUID me = session.person().userId();
        Crm.of(session).customers().create(new CustomerDetails(null, null, "Mine North", CustomerType.COMPANY, CustomerStatus.ACTIVE,
                null, null, null, null, null, null, null, null, me, List.of("vip"), null, null,
                java.util.Map.of("regions", List.of("North", "South")), 0));
        Crm.of(session).customers().create(new CustomerDetails(null, null, "Mine South", CustomerType.COMPANY, CustomerStatus.ACTIVE,
                null, null, null, null, null, null, null, null, me, List.of(), null, null,
                java.util.Map.of("regions", List.of("South")), 0));
        Crm.of(session).customers().create(CustomerDetails.newCustomer("Nobody's", CustomerType.COMPANY, CustomerStatus.ACTIVE));

        CustomerListViewModel vm = new CustomerListViewModel(session, BackgroundTasks.direct(), Locale.US);
        vm.loadChoices();
        assertThat(vm.customFields()).extracting(d -> d.key()).containsExactly("regions");
        CustomerListViewModel.OwnerChoice mine = vm.owners().stream().filter(o -> o.id().equals(me)).findFirst().orElseThrow();
        vm.ownerProperty().set(mine);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Mine North", "Mine South");
        vm.customFieldProperty().set(vm.customFields().get(0));
        vm.customFieldValueProperty().set("North");
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Mine North");

        vm.visibleColumns().remove("email");
        vm.visibleColumns().add("custom.regions");
        vm.saveView("North, mine", true);
        assertThat(vm.views()).extracting(v -> v.name()).containsExactly("North, mine");

        vm.clearFilters();
        vm.tagProperty().set("vip");
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Mine North");
        vm.clearFilters();
        vm.visibleColumns().add("email");
        assertThat(vm.rows()).hasSize(3);

        vm.apply(vm.views().get(0));
        assertThat(vm.ownerProperty().get()).isEqualTo(mine);
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Mine North");
        assertThat(vm.visibleColumns()).contains("custom.regions").doesNotContain("email");
        vm.deleteCurrentView();
        assertThat(vm.views()).isEmpty();
    }

    @Test
    void dealListFiltersByPipelineStageAndStatusAndOverridesProbability() {
        UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Deal List Co", CustomerType.COMPANY,
                CustomerStatus.ACTIVE)).id();
        Crm.of(session).deals().create("Small job", customer, new BigDecimal("100"), "EUR", null);
        Crm.of(session).deals().create("Big job", customer, new BigDecimal("9000"), "EUR", null);
        DealListViewModel vm = new DealListViewModel(session, BackgroundTasks.direct(), Locale.US);
        vm.loadChoices();
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.title()).containsExactly("Big job", "Small job");
        vm.pipelineProperty().set(vm.pipelines().get(0));
        vm.pipelineChosen();
        assertThat(vm.stages()).extracting(s -> s.name()).startsWith("Lead", "Qualified");
        vm.stageProperty().set(vm.stages().get(1));
        vm.refresh();
        assertThat(vm.rows()).isEmpty();
        vm.clearFilters();
        vm.searchProperty().set("small");
        vm.refresh();
        assertThat(vm.rows()).singleElement().satisfies(r -> assertThat(r.stageName()).isEqualTo("Lead"));
        vm.setProbability(vm.rows().get(0), new BigDecimal("42"));
        assertThat(vm.rows().get(0).probability()).isEqualByComparingTo("42");
        assertThat(vm.rows().get(0).probabilityOverridden()).isTrue();
        vm.setProbability(vm.rows().get(0), new BigDecimal("-1"));
        assertThat(vm.messageProperty().get()).isEqualTo("A percentage from 0 to 100.");
        vm.setProbability(vm.rows().get(0), "forty");
        assertThat(vm.messageProperty().get()).isEqualTo("A percentage from 0 to 100.");
        vm.setProbability(vm.rows().get(0), "42.5 %");
        assertThat(vm.rows().get(0).probability()).isEqualByComparingTo("42.5");
        assertThat(vm.messageProperty().get()).isEqualTo("The probability of Small job is set.");
        vm.followStage(vm.rows().get(0));
        assertThat(vm.rows().get(0).probability()).isEqualByComparingTo("10");
        assertThat(vm.rows().get(0).probabilityOverridden()).isFalse();
        vm.statusProperty().set("won");
        vm.refresh();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void recordCreatesValidatesLogsActivitiesAndResolvesAConflict() {
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        try {
            Crm.of(admin).customFields().define("customer", "segment", "Segment", CustomFieldType.SELECT, List.of("A", "B"), true);
        } finally {
            admin.person().close();
        }
        List<CustomerDetails> saved = new ArrayList<>();
        CustomerRecordViewModel vm = record(session, saved).inLocale(java.util.Locale.GERMANY);
        vm.open(null);
        assertThat(vm.isNew()).isTrue();
        assertThat(vm.definitions()).extracting(d -> d.key()).containsExactly("segment");
        vm.field("email").set("not-an-email");
        vm.field("creditLimit").set("lots");
        vm.save();
        assertThat(vm.errors().get("creditLimit")).isNotEmpty();
        vm.field("creditLimit").set("2500,50");
        vm.save();
        assertThat(vm.errors().get("name")).isNotEmpty();
        assertThat(vm.errors().get("email")).isNotEmpty();
        assertThat(vm.errors().get("custom.segment")).contains("required");
        vm.field("name").set("Record Ltd");
        vm.field("email").set("hello@record.test");
        vm.field("tags").set("export, vip");
        vm.customField("segment").set("B");
        vm.save();
        assertThat(saved).singleElement().satisfies(d -> {
            assertThat(d.number()).isEqualTo("C-000001");
            assertThat(d.creditLimit()).as("German: the comma is the decimal sign").isEqualByComparingTo(new BigDecimal("2500.50"));
            assertThat(d.tags()).containsExactly("export", "vip");
            assertThat(d.customFields()).containsEntry("segment", "B");
        });
        assertThat(vm.titleProperty().get()).isEqualTo("C-000001 \u2014 Record Ltd");

        vm.newActivityProperty().set("Called about the offer");
        vm.logNote("call");
        assertThat(vm.timeline()).extracting(a -> a.subject()).containsExactly("Called about the offer");

        // Someone else saves first; my typing survives, their version is shown, and I decide.
        TenantSession other = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            CustomerRecordViewModel theirs = record(other, new ArrayList<>());
            theirs.open(saved.get(0).id());
            theirs.field("phone").set("+49 111");
            theirs.save();
        } finally {
            other.person().close();
        }
        vm.field("phone").set("+49 222");
        vm.save();
        assertThat(vm.conflictProperty().get()).isNotNull();
        assertThat(vm.conflictProperty().get().phone()).isEqualTo("+49 111");
        assertThat(vm.field("phone").get()).isEqualTo("+49 222");
        vm.overwriteTheirs();
        assertThat(vm.conflictProperty().get()).isNull();
        assertThat(Crm.of(session).customers().load(saved.get(0).id()).phone()).isEqualTo("+49 222");

        // History and deletion (the manager may delete).
        CustomerRecordViewModel reopened = record(session, new ArrayList<>()).withHistory(Crm.of(session).history());
        reopened.open(saved.get(0).id());
        assertThat(reopened.history()).extracting(c -> c.action()).containsExactly("UPDATE", "UPDATE", "INSERT");
        assertThat(reopened.history().get(0).fields()).extracting(f -> f.field() + ":" + f.before() + "->" + f.after())
                .containsExactly("phone:+49 111->+49 222");
        List<String> deleted = new ArrayList<>();
        reopened.delete(() -> deleted.add("back"));
        assertThat(deleted).containsExactly("back");
        assertThat(Crm.of(session).customers().count(com.workline.persistence.crm.CustomerQuery.all().withSearch("record ltd")).value())
                .isZero();
        assertThat(vm.field("creditLimit").get()).as("shown as German writes it").isEqualTo("2500,50");
        List<CustomerDetails> savedInEnglish = new ArrayList<>();
        CustomerRecordViewModel english = record(session, savedInEnglish).inLocale(java.util.Locale.US);
        english.open(null);
        english.field("name").set("English Amounts Ltd");
        english.customField("segment").set("A");
        english.field("creditLimit").set("2,600.75");
        english.save();
        assertThat(savedInEnglish).singleElement().satisfies(d -> assertThat(d.creditLimit()).as("English: the comma groups")
                .isEqualByComparingTo(new BigDecimal("2600.75")));
        assertThat(english.field("creditLimit").get()).isEqualTo("2600.75");
    }

    @Test
    void boardMovesCardsAndAsksForALostReason() {
        UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Board Co", CustomerType.COMPANY,
                CustomerStatus.PROSPECT)).id();
        Crm.of(session).deals().create("Line 1", customer, new BigDecimal("1200"), "EUR", null);
        PipelineBoardViewModel vm = new PipelineBoardViewModel(Crm.of(session).deals(), Crm.of(session).pipelines(), BackgroundTasks.direct());
        vm.load();
        assertThat(vm.currency()).isEqualTo("EUR");
        BoardColumn lead = vm.columns().get(0);
        BoardColumn qualified = vm.columns().get(1);
        vm.move(lead.deals().get(0), qualified, card -> "unused");
        assertThat(vm.columns().get(1).deals()).extracting(d -> d.title()).containsExactly("Line 1");
        assertThat(vm.messageProperty().get()).isEqualTo("Line 1 moved to Qualified.");
        BoardColumn lost = vm.columns().get(5);
        vm.move(vm.columns().get(1).deals().get(0), lost, card -> null);
        assertThat(vm.columns().get(1).deals()).as("cancelled: stays").hasSize(1);
        vm.move(vm.columns().get(1).deals().get(0), lost, card -> "Budget cut");
        assertThat(vm.columns().get(5).deals()).extracting(d -> d.title()).containsExactly("Line 1");
        assertThat(vm.columns().get(5).total()).isEqualByComparingTo("1200");
        assertThat(vm.columns().get(5).weightedTotal()).isEqualByComparingTo("0");
    }

    @Test
    void importWizardChecksThenImportsAllOrNothing() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("import", ".csv");
        java.nio.file.Files.writeString(file, "Name;Mail;Colour\nWizard One;one@wizard.test;red\nWizard Two;two@wizard;blue\n");
        List<String> imported = new ArrayList<>();
        CustomerImportViewModel vm = new CustomerImportViewModel(Crm.of(session).customerImport(), BackgroundTasks.direct(),
                () -> imported.add("refresh"));
        vm.fileProperty().set(file.toString());
        vm.open();
        assertThat(vm.columns()).containsExactly("Name", "Mail", "Colour");
        assertThat(vm.mapping("Name").get()).isEqualTo("name");
        assertThat(vm.mapping("Mail").get()).isEqualTo("email");
        assertThat(vm.mapping("Colour").get()).isEqualTo(CustomerImportViewModel.IGNORE);
        vm.check();
        assertThat(vm.importableProperty().get()).isFalse();
        assertThat(vm.report()).extracting(r -> r.ok()).containsExactly(true, false);
        assertThat(vm.messageProperty().get()).startsWith("1 of 2 rows have problems");
        vm.mapping("Mail").set(CustomerImportViewModel.IGNORE);
        vm.check();
        assertThat(vm.importableProperty().get()).isTrue();
        vm.commit();
        assertThat(imported).containsExactly("refresh");
        assertThat(vm.messageProperty().get()).isEqualTo("2 customers imported.");
        assertThat(Crm.of(session).customers().count(com.workline.persistence.crm.CustomerQuery.all().withSearch("wizard")).value())
                .isEqualTo(2);
        vm.fileProperty().set(file.resolveSibling("missing.csv").toString());
        vm.open();
        assertThat(vm.messageProperty().get()).contains("cannot be read");
    }
}
