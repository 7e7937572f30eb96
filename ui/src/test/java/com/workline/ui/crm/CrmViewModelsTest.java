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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private DealFormViewModel dealForm(TenantSession s, Locale locale, List<com.workline.persistence.crm.DealDetails> saved) {
        return new DealFormViewModel(Crm.of(s).deals(), BackgroundTasks.direct(), locale, saved::add);
    }

    @Test
    void dealFormEditsEveryFieldInTheUsersLocaleTracksChangesAndResolvesAConflict() {
        TenantSession admin = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        try {
            Crm.of(admin).customFields().define("deal", "source", "Source", CustomFieldType.SELECT, List.of("Fair", "Web"), true);
            Crm.of(admin).customFields().define("deal", "volume", "Volume", CustomFieldType.NUMBER, List.of(), false);
            Crm.of(admin).customFields().define("deal", "signed", "Signed on", CustomFieldType.DATE, List.of(), false);
        } finally {
            admin.person().close();
        }
        UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Bäckerei Groß", CustomerType.COMPANY,
                CustomerStatus.ACTIVE)).id();
        Crm.of(session).customers().create(CustomerDetails.newCustomer("Konditorei Klein", CustomerType.COMPANY,
                CustomerStatus.ACTIVE));
        UUID contact = Crm.of(session).contacts().save(new com.workline.persistence.crm.Contact(null, customer, "Jörg", "Groß",
                null, null, null, null, null, true, false, false, null, 0));
        UUID deal = Crm.of(session).deals().create("Ofen", customer, new BigDecimal("12500.5"), "EUR", null);

        List<com.workline.persistence.crm.DealDetails> saved = new ArrayList<>();
        DealFormViewModel vm = dealForm(session, Locale.GERMANY, saved);
        vm.open(deal);
        assertThat(vm.editableProperty().get()).isTrue();
        assertThat(vm.headingProperty().get()).isEqualTo("Ofen \u2014 Bäckerei Groß");
        assertThat(vm.stageProperty().get()).isEqualTo("Lead \u00b7 Open");
        assertThat(vm.valueProperty().get()).as("German amounts").isEqualTo("12.500,50");
        assertThat(vm.customerProperty().get().name()).isEqualTo("Bäckerei Groß");
        assertThat(vm.contacts()).extracting(c -> c.name()).containsExactly("Jörg Groß");
        assertThat(vm.definitions()).extracting(d -> d.key()).containsExactly("source", "volume", "signed");
        assertThat(vm.dirtyProperty().get()).isFalse();

        vm.titleProperty().set("Ofen XL");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.titleProperty().set("Ofen");
        assertThat(vm.dirtyProperty().get()).as("typed back: nothing to save").isFalse();

        // Field by field: what cannot be read is reported next to the field, nothing is saved.
        vm.titleProperty().set(" ");
        vm.valueProperty().set("zwölf");
        vm.customField("volume").set("drei");
        vm.customField("signed").set("31.13.2027");
        vm.save();
        assertThat(vm.errors().get("value")).as(vm.messageProperty().get()).isEqualTo("Enter a number.");
        assertThat(vm.errors().get("custom.volume")).isEqualTo("Enter a number.");
        assertThat(vm.errors().get("custom.signed")).isEqualTo("Enter a date such as 31.12.2027.");
        vm.valueProperty().set("1.234,567");
        vm.customField("volume").set("");
        vm.customField("signed").set("");
        vm.currencyProperty().set("eu");
        vm.save();
        assertThat(vm.errors().get("title")).isEqualTo("Enter a title.");
        assertThat(vm.errors().get("value")).isEqualTo("A positive amount with at most two decimals.");
        assertThat(vm.errors().get("currency")).isNotEmpty();
        assertThat(vm.errors().get("custom.source")).isEqualTo("Source is required.");
        assertThat(saved).isEmpty();

        vm.titleProperty().set("Ofen XL");
        vm.valueProperty().set("14.000,25");
        vm.currencyProperty().set("chf");
        vm.expectedCloseProperty().set(java.time.LocalDate.of(2027, 6, 30));
        vm.contactProperty().set(vm.contacts().get(0));
        vm.ownerProperty().set(vm.owners().stream().filter(o -> o.id().equals(session.person().userId())).findFirst().orElseThrow());
        vm.tagsProperty().set("ofen, export, ofen");
        vm.customField("source").set("Fair");
        vm.customField("volume").set("2,5");
        vm.customField("signed").set("1.3.2027");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Deal Ofen XL saved.");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(saved).singleElement().satisfies(d -> {
            assertThat(d.value()).isEqualByComparingTo("14000.25");
            assertThat(d.currency()).isEqualTo("CHF");
            assertThat(d.contactId()).isEqualTo(contact);
            assertThat(d.ownerId()).isEqualTo(session.person().userId());
            assertThat(d.tags()).containsExactly("ofen", "export");
            assertThat(d.customFields()).containsEntry("source", "Fair").containsEntry("signed", "2027-03-01");
            assertThat(new BigDecimal(d.customFields().get("volume").toString())).isEqualByComparingTo("2.5");
        });
        assertThat(vm.customField("volume").get()).isEqualTo("2,5");
        assertThat(vm.customField("signed").get()).isEqualTo("01.03.2027");

        // Choosing another customer drops the contact, which belonged to the first.
        vm.customerSearchProperty().set("konditorei");
        vm.searchCustomers();
        assertThat(vm.customers()).extracting(c -> c.name()).contains("Konditorei Klein", "Bäckerei Groß");
        vm.customerProperty().set(vm.customers().stream().filter(c -> c.name().equals("Konditorei Klein")).findFirst().orElseThrow());
        assertThat(vm.contactProperty().get()).isNull();
        assertThat(vm.contacts()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.customerProperty().set(vm.customers().stream().filter(c -> c.name().equals("Bäckerei Groß")).findFirst().orElseThrow());
        vm.contactProperty().set(vm.contacts().get(0));
        assertThat(vm.dirtyProperty().get()).isFalse();

        // Someone else saves first (here: moves it on the board); my typing survives, theirs is shown, I decide.
        TenantSession other = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            DealFormViewModel theirs = dealForm(other, Locale.US, new ArrayList<>());
            theirs.open(deal);
            assertThat(theirs.valueProperty().get()).as("English amounts").isEqualTo("14,000.25");
            theirs.titleProperty().set("Their oven");
            theirs.save();
            assertThat(theirs.messageProperty().get()).isEqualTo("Deal Their oven saved.");
        } finally {
            other.person().close();
        }
        vm.valueProperty().set("15.000");
        vm.save();
        assertThat(vm.conflictProperty().get()).isNotNull();
        assertThat(vm.conflictProperty().get().title()).isEqualTo("Their oven");
        assertThat(vm.messageProperty().get()).startsWith("Someone else saved this deal");
        assertThat(vm.valueProperty().get()).isEqualTo("15.000");
        vm.overwriteTheirs();
        assertThat(vm.conflictProperty().get()).isNull();
        assertThat(Crm.of(session).deals().load(deal).title()).isEqualTo("Ofen XL");
        assertThat(Crm.of(session).deals().load(deal).value()).isEqualByComparingTo("15000");

        vm.titleProperty().set("Dropped");
        TenantSession third = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            DealFormViewModel theirs = dealForm(third, Locale.US, new ArrayList<>());
            theirs.open(deal);
            theirs.tagsProperty().set("theirs");
            theirs.save();
        } finally {
            third.person().close();
        }
        vm.save();
        vm.takeTheirs();
        assertThat(vm.titleProperty().get()).isEqualTo("Ofen XL");
        assertThat(vm.tagsProperty().get()).isEqualTo("theirs");
        assertThat(vm.dirtyProperty().get()).isFalse();

        // A new deal from the form starts in the base currency and the pipeline's first stage.
        DealFormViewModel fresh = dealForm(session, Locale.GERMANY, saved);
        fresh.startNew();
        assertThat(fresh.isNew()).isTrue();
        assertThat(fresh.headingProperty().get()).isEqualTo("New deal");
        assertThat(fresh.currencyProperty().get()).isEqualTo("EUR");
        fresh.titleProperty().set("Zweiter Ofen");
        fresh.customerProperty().set(fresh.customers().stream().filter(c -> c.name().equals("Bäckerei Groß")).findFirst().orElseThrow());
        fresh.valueProperty().set("999,99");
        fresh.customField("source").set("Web");
        fresh.save();
        assertThat(fresh.messageProperty().get()).isEqualTo("Deal Zweiter Ofen created.");
        assertThat(fresh.stageProperty().get()).startsWith("Lead");
    }

    @Test
    void dealFormIsReadOnlyForViewersAndTheDatabaseRefusesThemAnyway() {
        UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Viewed Co", CustomerType.COMPANY,
                CustomerStatus.ACTIVE)).id();
        UUID deal = Crm.of(session).deals().create("Look only", customer, new BigDecimal("10"), "EUR", null);
        TenantSession viewer = db.signInTo(db.newPerson(org, Role.VIEWER), org);
        try {
            DealFormViewModel vm = dealForm(viewer, Locale.US, new ArrayList<>());
            vm.open(deal);
            assertThat(vm.titleProperty().get()).isEqualTo("Look only");
            assertThat(vm.editableProperty().get()).isFalse();
            assertThat(vm.readOnlyProperty().get()).isTrue();
            vm.titleProperty().set("Changed");
            vm.save();
            assertThat(vm.messageProperty().get()).isEqualTo("You can look at deals but not change them.");
            var details = Crm.of(viewer).deals().load(deal);
            assertThatThrownBy(() -> Crm.of(viewer).deals().update(details))
                    .isInstanceOf(com.workline.persistence.common.WorklineException.class);
        } finally {
            viewer.person().close();
        }
        assertThat(Crm.of(session).deals().load(deal).title()).isEqualTo("Look only");
    }

    @Test
    void customerListShowsDeletedCustomersOnRequestAndManagersRestoreThem() {
        UUID gone = Crm.of(session).customers().create(CustomerDetails.newCustomer("Gone Ltd", CustomerType.COMPANY,
                CustomerStatus.ACTIVE)).id();
        Crm.of(session).customers().create(CustomerDetails.newCustomer("Here Ltd", CustomerType.COMPANY, CustomerStatus.ACTIVE));
        Crm.of(session).customers().delete(gone);
        CustomerListViewModel vm = new CustomerListViewModel(session, BackgroundTasks.direct(), Locale.US);
        assertThat(vm.canRestore()).isTrue();
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Here Ltd");
        vm.showDeletedProperty().set(true);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name() + (r.deleted() ? " (deleted)" : "")).containsExactly("Gone Ltd (deleted)", "Here Ltd");
        assertThat(vm.countTextProperty().get()).isEqualTo("2 customers");

        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            CustomerListViewModel theirs = new CustomerListViewModel(employee, BackgroundTasks.direct(), Locale.US);
            assertThat(theirs.canRestore()).isFalse();
            theirs.showDeletedProperty().set(true);
            theirs.refresh();
            theirs.restore(theirs.rows().get(0));
            assertThat(theirs.messageProperty().get()).as("the database refuses").contains("Only managers");
        } finally {
            employee.person().close();
        }

        vm.restore(vm.rows().get(0));
        assertThat(vm.messageProperty().get()).isEqualTo("Gone Ltd is restored.");
        assertThat(vm.rows()).extracting(r -> r.deleted()).containsExactly(false, false);
        vm.showDeletedProperty().set(false);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Gone Ltd", "Here Ltd");
    }

    @Test
    void importWizardSaysWhichEncodingItReadAndKeepsTheUmlauts() throws Exception {
        String sheet = "Firma;E-Mail\nMüller Söhne;m@soehne.test\nGrüße & Co;g@gruesse.test\n";
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        List<String> encodings = new ArrayList<>();
        for (byte[] bytes : List.of(sheet.getBytes(cp1252), sheet.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, sheet.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)))) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("excel", ".csv");
            java.nio.file.Files.write(file, bytes);
            CustomerImportViewModel vm = new CustomerImportViewModel(Crm.of(session).customerImport(), BackgroundTasks.direct(),
                    () -> { });
            vm.fileProperty().set(file.toString());
            vm.open();
            vm.mapping("Firma").set("name");
            encodings.add(vm.encodingProperty().get());
            vm.check();
            assertThat(vm.report()).extracting(r -> r.values().get("name")).containsExactly("Müller Söhne", "Grüße & Co");
        }
        assertThat(encodings).containsExactly("Read as Windows-1252.", "Read as UTF-8.", "Read as UTF-16LE with BOM.");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
