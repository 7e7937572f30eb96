package com.workline.persistence.crm;

import com.workline.persistence.session.Role;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
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
}
