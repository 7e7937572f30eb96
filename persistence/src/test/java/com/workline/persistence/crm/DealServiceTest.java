package com.workline.persistence.crm;

import com.workline.persistence.admin.Role;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.tenancy.TenantSession;
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
            DealService deals = session.deals();
            UUID pipeline = deals.defaultPipeline();
            List<BoardColumn> empty = deals.board(pipeline, 20);
            assertThat(empty).extracting(BoardColumn::name)
                    .containsExactly("Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost");
            assertThat(empty).extracting(c -> c.probability().intValue()).containsExactly(10, 25, 50, 75, 100, 0);

            UUID customer = session.customers().create(CustomerDetails.newCustomer("Deal Customer", CustomerType.COMPANY,
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
}
