package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.persistence.session.TenantSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DealServiceTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void boardColumnsTotalsStageMovesAndHistory() throws Exception {
        UUID org = db.newOrganization("Deals");
        TenantSession session = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            DealService deals = Crm.of(session).deals();
            UUID pipeline = deals.defaultPipeline();
            List<BoardColumn> empty = deals.board(pipeline, 20);
            assertThat(empty).extracting(BoardColumn::name)
                    .containsExactly("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost");
            assertThat(empty).extracting(c -> c.probability().intValue()).containsExactly(10, 25, 50, 75, 100, 0);

            UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Deal Customer", CustomerType.COMPANY,
                    CustomerStatus.PROSPECT)).id();
            UUID big = deals.create("Big machine", customer, new BigDecimal("10000"), "EUR", LocalDate.of(2027, 1, 31));
            deals.create("Spare parts", customer, new BigDecimal("500"), "EUR", null);

            List<BoardColumn> board = deals.board(pipeline, 20);
            BoardColumn lead = board.get(0);
            assertThat(lead.dealCount()).isEqualTo(2);
            assertThat(lead.total()).isEqualByComparingTo("10500");
            assertThat(lead.weightedTotal()).isEqualByComparingTo("1050.00");
            assertThat(lead.deals()).extracting(DealCard::title).containsExactly("Big machine", "Spare parts");

            DealCard card = lead.deals().get(0);
            UUID proposal = board.get(2).stageId();
            deals.moveToStage(big, card.version(), proposal, null);
            assertThatThrownBy(() -> deals.moveToStage(big, card.version(), board.get(1).stageId(), null))
                    .as("a stale card").isInstanceOf(ConcurrentEditException.class);
            List<BoardColumn> moved = deals.board(pipeline, 20);
            assertThat(moved.get(2).deals()).singleElement().satisfies(d -> {
                assertThat(d.title()).isEqualTo("Big machine");
                assertThat(d.probability()).isEqualByComparingTo("50");
            });
            DealCard inProposal = moved.get(2).deals().get(0);
            assertThatThrownBy(() -> deals.moveToStage(big, inProposal.version(), moved.get(5).stageId(), " "))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("why the deal was lost");
            deals.moveToStage(big, inProposal.version(), moved.get(5).stageId(), "Price too high");
            assertThat(Sql.rows(db.superuser(), "SELECT status, lost_reason, probability FROM app.deals WHERE id = ?", big))
                    .containsExactly(List.of("lost", "Price too high", new BigDecimal("0.0000")));
            assertThat(Sql.count(db.superuser().getConnection(),
                    "SELECT count(*) FROM app.deal_stage_changes WHERE deal_id = ?", big)).as("created, proposal, lost").isEqualTo(3);
        } finally {
            session.person().close();
        }
    }

    @Test
    void dealsListFiltersPagesAndProbabilityOverridesSurviveStageMoves() {
        UUID org = db.newOrganization("Deals list");
        TenantSession session = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            DealService deals = Crm.of(session).deals();
            UUID pipeline = deals.defaultPipeline();
            UUID harbor = Crm.of(session).customers().create(CustomerDetails.newCustomer("Harbor Works", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE)).id();
            UUID mill = Crm.of(session).customers().create(CustomerDetails.newCustomer("Mill & Sons", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE)).id();
            for (int i = 1; i <= 7; i++) {
                deals.create("Press " + i, i % 2 == 0 ? harbor : mill, new BigDecimal(i * 1000), "EUR", null);
            }
            List<String> titles = new java.util.ArrayList<>();
            DealPage.Cursor after = null;
            do {
                DealPage page = deals.list(DealQuery.all(), after, 3);
                page.rows().forEach(r -> titles.add(r.title()));
                after = page.next();
            } while (after != null);
            assertThat(titles).containsExactly("Press 7", "Press 6", "Press 5", "Press 4", "Press 3", "Press 2", "Press 1");
            assertThat(deals.list(DealQuery.all().withSearch("harbor").sortedBy(DealQuery.Sort.TITLE), null, 50).rows())
                    .extracting(DealRow::title).containsExactly("Press 2", "Press 4", "Press 6");
            assertThat(deals.list(DealQuery.all().withOwner(session.person().userId()).withStatus("open"), null, 50).rows())
                    .hasSize(7);
            assertThat(deals.list(DealQuery.all().withStatus("won"), null, 50).rows()).isEmpty();

            List<BoardColumn> board = deals.board(pipeline, 20);
            DealCard press7 = board.get(0).deals().get(0);
            deals.setProbability(press7.id(), press7.version(), new BigDecimal("33"));
            DealRow overridden = deals.list(DealQuery.all().withSearch("Press 7"), null, 1).rows().get(0);
            assertThat(overridden.probability()).isEqualByComparingTo("33");
            assertThat(overridden.probabilityOverridden()).isTrue();
            deals.moveToStage(press7.id(), overridden.version(), board.get(2).stageId(), null);
            DealRow moved = deals.list(DealQuery.all().inPipeline(pipeline, board.get(2).stageId()), null, 5).rows().get(0);
            assertThat(moved.stageName()).isEqualTo("Proposal");
            assertThat(moved.probability()).as("an override survives a stage move").isEqualByComparingTo("33");
            deals.setProbability(press7.id(), moved.version(), null);
            assertThat(deals.list(DealQuery.all().withSearch("Press 7"), null, 1).rows().get(0).probability())
                    .as("follows its stage again").isEqualByComparingTo("50");
            assertThatThrownBy(() -> deals.setProbability(press7.id(), moved.version(), BigDecimal.ONE))
                    .isInstanceOf(ConcurrentEditException.class);
            assertThatThrownBy(() -> deals.setProbability(press7.id(), moved.version() + 1, new BigDecimal("101")))
                    .isInstanceOf(ValidationException.class);
        } finally {
            session.person().close();
        }
    }

    @Test
    void theDealFormSavesEveryFieldChecksThemAndRefusesAStaleVersionWithTheStoredDeal() throws Exception {
        UUID org = db.newOrganization("Deal form");
        TestPerson adminPerson = db.newPerson(org, Role.ADMIN);
        TenantSession admin = db.signInTo(adminPerson, org);
        TestPerson employeePerson = db.newPerson(org, Role.EMPLOYEE);
        TenantSession employee = db.signInTo(employeePerson, org);
        TestPerson viewerPerson = db.newPerson(org, Role.VIEWER);
        TenantSession viewer = db.signInTo(viewerPerson, org);
        try {
            Crm.of(admin).customFields().define("deal", "source", "Source", CustomFieldType.SELECT, List.of("Fair", "Web"), true);
            Crm.of(admin).customFields().define("deal", "volume", "Volume", CustomFieldType.NUMBER, List.of(), false);
            DealService deals = Crm.of(employee).deals();
            UUID customer = Crm.of(employee).customers().create(CustomerDetails.newCustomer("Müller & Söhne", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE)).id();
            UUID other = Crm.of(employee).customers().create(CustomerDetails.newCustomer("Other AG", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE)).id();
            UUID contact = Crm.of(employee).contacts().save(new Contact(null, customer, "Jürgen", "Müller", null, null,
                    "j@mueller.test", null, null, true, false, false, null, 0));
            UUID foreignContact = Crm.of(employee).contacts().save(new Contact(null, other, "Olga", "Other", null, null,
                    null, null, null, true, false, false, null, 0));
            assertThat(deals.customerChoices("müll", 10)).extracting(DealDetails.Choice::name).containsExactly("Müller & Söhne");
            assertThat(deals.contactChoices(customer)).extracting(DealDetails.Choice::name).containsExactly("Jürgen Müller");
            assertThat(deals.ownerChoices()).extracting(DealDetails.Choice::id)
                    .contains(adminPerson.userId(), employeePerson.userId(), viewerPerson.userId());
            assertThat(deals.customFieldDefinitions()).extracting(CustomFieldDefinition::key).containsExactly("source", "volume");
            assertThat(deals.canEdit()).isTrue();
            assertThat(Crm.of(viewer).deals().canEdit()).isFalse();

            UUID id = deals.create("Press line", customer, new BigDecimal("1000"), "EUR", null);
            DealDetails loaded = deals.load(id);
            assertThat(loaded.customerName()).isEqualTo("Müller & Söhne");
            assertThat(loaded.stageName()).isEqualTo("Lead");
            assertThat(loaded.status()).isEqualTo("open");

            // Every field is checked, each message keyed by its field.
            DealDetails wrong = new DealDetails(id, " ", customer, null, foreignContact, new BigDecimal("1.234"), "euro",
                    null, UUID.randomUUID(), List.of(), java.util.Map.of("volume", "lots"), null, null, loaded.version());
            assertThatThrownBy(() -> deals.update(wrong)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fieldErrors()).containsOnlyKeys("title", "value", "currency", "contact", "owner",
                            "custom.source", "custom.volume"));

            DealDetails edited = new DealDetails(id, " Press line XL ", customer, null, contact, new BigDecimal("12500.5"), "chf",
                    LocalDate.of(2027, 3, 31), adminPerson.userId(), List.of("export", " export", "vip "),
                    java.util.Map.of("source", "Fair", "volume", "3"), null, null, loaded.version());
            DealDetails saved = deals.update(edited);
            assertThat(saved.title()).isEqualTo("Press line XL");
            assertThat(saved.contactId()).isEqualTo(contact);
            assertThat(saved.contactName()).isEqualTo("Jürgen Müller");
            assertThat(saved.ownerName()).isNotBlank();
            assertThat(saved.value()).isEqualByComparingTo("12500.50");
            assertThat(saved.currency()).isEqualTo("CHF");
            assertThat(saved.expectedCloseDate()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(saved.ownerId()).isEqualTo(adminPerson.userId());
            assertThat(saved.tags()).containsExactly("export", "vip");
            assertThat(saved.customFields()).containsEntry("source", "Fair").containsKey("volume");
            assertThat(saved.version()).isEqualTo(loaded.version() + 1);
            assertThat(saved.stageName()).as("the form leaves the stage alone").isEqualTo("Lead");

            // Someone else saved in between: nothing is overwritten, and their deal comes with the refusal.
            DealDetails mine = new DealDetails(id, "My title", customer, null, contact, new BigDecimal("1"), "CHF", null, null,
                    List.of(), java.util.Map.of("source", "Web"), null, null, loaded.version());
            assertThatThrownBy(() -> deals.update(mine)).isInstanceOfSatisfying(DealConflictException.class,
                    e -> assertThat(e.current().title()).isEqualTo("Press line XL"));
            // A stage move counts as a change too.
            DealCard card = deals.board(deals.defaultPipeline(), 10).get(0).deals().get(0);
            deals.moveToStage(id, card.version(), deals.board(deals.defaultPipeline(), 10).get(1).stageId(), null);
            assertThatThrownBy(() -> deals.update(new DealDetails(id, "Old view", customer, null, null, BigDecimal.ONE, "EUR",
                    null, null, List.of(), java.util.Map.of("source", "Web"), null, null, saved.version())))
                    .isInstanceOf(DealConflictException.class);
            assertThat(deals.load(id).title()).isEqualTo("Press line XL");

            // Viewers change nothing: the database refuses, whatever the client sends.
            DealDetails current = Crm.of(viewer).deals().load(id);
            DealDetails viewersTry = new DealDetails(id, "Viewer's", customer, null, null, BigDecimal.ONE, "EUR", null, null,
                    List.of(), java.util.Map.of("source", "Web"), null, null, current.version());
            assertThatThrownBy(() -> Crm.of(viewer).deals().update(viewersTry)).isInstanceOf(
                    com.workline.persistence.common.WorklineException.class);
            try (java.sql.Connection c = db.connectAs(viewerPerson)) {
                Sql.selectTenantForSession(c, org);
                assertThat(Sql.update(c, "UPDATE app.deals SET title = 'Viewer''s' WHERE id = ?", id)).isZero();
            }
            assertThat(deals.load(id).title()).isEqualTo("Press line XL");

            DealDetails created = deals.create(new DealDetails(null, "From the form", customer, null, null,
                    new BigDecimal("99.90"), "EUR", null, employeePerson.userId(), List.of("new"),
                    java.util.Map.of("source", "Web"), null, null, 0));
            assertThat(created.stageName()).isEqualTo("Lead");
            assertThat(created.value()).isEqualByComparingTo("99.90");
            assertThat(created.tags()).containsExactly("new");
        } finally {
            admin.person().close();
            employee.person().close();
            viewer.person().close();
        }
    }
}
