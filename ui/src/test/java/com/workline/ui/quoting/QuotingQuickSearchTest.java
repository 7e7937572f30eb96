package com.workline.ui.quoting;

import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.shell.QuickSearchViewModel;
import com.workline.ui.task.TaskRunner;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;
import com.workline.ui.workbench.Workbench;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuotingQuickSearchTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void ctrlKFindsQuotesByNumberTitleOrCustomer() throws Exception {
        UUID org = db.newOrganization("Quote search");
        TestPerson managerPerson = db.newPerson(org, Role.MANAGER);
        Fixtures.crmDataOf(db, org, managerPerson.userId());
        UUID customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        String customerName = (String) Sql.value(db.superuser(), "SELECT name FROM app.customers WHERE id = ?", customer);
        TenantSession manager = db.signInTo(managerPerson, org);
        try {
            QuoteService quotes = Quoting.of(manager).quotes();
            UUID draft = quotes.createDraft(customer, null, null, "Greenhouse heating").id();
            var sent = quotes.createDraft(customer, null, null, "Roof repair");
            String number = quotes.send(sent.id(), sent.version());

            Workbench workbench = new Workbench(List.of(new QuotingArea()));
            Navigator navigator = new Navigator(workbench, new Permissions(manager.role()));
            assertThat(navigator.sections()).extracting(Section::id).containsExactly(QuotingArea.QUOTES);
            TaskRunner runner = TaskRunner.direct();
            ScreenContext context = new ScreenContext(manager, runner, navigator, Locale.US, UserPreferences.inMemory(),
                    Clock.systemUTC());
            QuickSearchViewModel vm = new QuickSearchViewModel(context, runner.newScope());

            vm.termProperty().set("greenhouse");
            vm.search();
            assertThat(vm.hits()).extracting(SearchHit::record).containsExactly(new RecordRef(QuotingArea.QUOTE, draft));
            assertThat(vm.hits().get(0).detail()).contains("Quote").contains("Draft").contains(customerName);

            vm.termProperty().set(number);
            vm.search();
            assertThat(vm.hits()).extracting(SearchHit::record).containsExactly(new RecordRef(QuotingArea.QUOTE, sent.id()));
            assertThat(vm.hits().get(0).detail()).contains(number).contains("Sent");

            vm.termProperty().set(customerName);
            vm.search();
            assertThat(vm.hits()).extracting(SearchHit::record).contains(new RecordRef(QuotingArea.QUOTE, draft),
                    new RecordRef(QuotingArea.QUOTE, sent.id()));
        } finally {
            manager.person().close();
        }
    }
}
