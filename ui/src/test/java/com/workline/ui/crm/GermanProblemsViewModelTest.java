package com.workline.ui.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.crm.BoardColumn;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.crm.DealCard;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Problems raised by persistence reach the screen in the person's language (here German). */
class GermanProblemsViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private TenantSession session;
    private Locale before;

    @BeforeEach
    void german() {
        UUID org = db.newOrganization("German problems VM");
        session = db.signInTo(db.newPerson(org, Role.MANAGER), org);
        before = Text.locale();
        Messages.use(Locale.GERMAN);
    }

    @AfterEach
    void back() {
        try {
            Messages.use(before);
        } finally {
            session.person().close();
        }
    }

    @Test
    void validationErrorsOfTheServiceAppearInGermanNextToTheField() {
        CustomerRecordViewModel vm = new CustomerRecordViewModel(Crm.of(session).customers(), Crm.of(session).customFields(),
                Crm.of(session).contacts(), Crm.of(session).activities(), BackgroundTasks.direct(), saved -> { })
                .inLocale(Locale.GERMANY);
        vm.open(null);
        vm.field("email").set("not-an-email");
        vm.save();
        assertThat(vm.errors().get("name")).isEqualTo("Bitte geben Sie den Namen des Kunden ein.");
        assertThat(vm.errors().get("email")).isEqualTo("Das ist keine E-Mail-Adresse.");
    }

    @Test
    void notFoundAndConflictMessagesAppearInGerman() {
        CustomerRecordViewModel record = new CustomerRecordViewModel(Crm.of(session).customers(),
                Crm.of(session).customFields(), Crm.of(session).contacts(), Crm.of(session).activities(),
                BackgroundTasks.direct(), saved -> { }).inLocale(Locale.GERMANY);
        record.open(UUID.randomUUID());
        assertThat(record.messageProperty().get()).isEqualTo("Diesen Kunden gibt es nicht (mehr).");

        UUID customer = Crm.of(session).customers().create(CustomerDetails.newCustomer("Konflikt GmbH", CustomerType.COMPANY,
                CustomerStatus.PROSPECT)).id();
        Crm.of(session).deals().create("Auftrag", customer, new BigDecimal("900"), "EUR", null);
        PipelineBoardViewModel board = new PipelineBoardViewModel(Crm.of(session).deals(), Crm.of(session).pipelines(),
                BackgroundTasks.direct());
        board.load();
        DealCard seen = board.columns().get(0).deals().get(0);
        BoardColumn qualified = board.columns().get(1);
        board.move(seen, qualified, card -> "unused");
        // The board still holds the card as it was loaded before the move: someone (here: I) changed it since.
        board.move(seen, board.columns().get(2), card -> "unused");
        assertThat(board.messageProperty().get()).isEqualTo("Jemand anderes hat den Deal ge\u00e4ndert, w\u00e4hrend Sie "
                + "bearbeitet haben. Nichts wurde gespeichert; Ihre \u00c4nderungen sind noch da. Laden Sie neu, um die "
                + "anderen zu sehen.");

        BoardColumn lost = board.columns().get(5);
        board.move(board.columns().get(1).deals().get(0), lost, card -> " ");
        assertThat(board.messageProperty().get()).isEqualTo("Bitte geben Sie an, warum der Deal verloren wurde.");
    }
}
