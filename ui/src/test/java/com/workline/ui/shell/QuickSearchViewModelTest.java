package com.workline.ui.shell;

import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.crm.CrmArea;
import com.workline.ui.task.TaskRunner;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.Place;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuickSearchViewModelTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void findsCustomersAndDealsOfEveryAreaAndOpensTheChosenOneWhereItsAreaShowsIt() {
        UUID org = db.newOrganization("Quick search");
        TenantSession session = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            Crm crm = Crm.of(session);
            UUID harbor = crm.customers().create(CustomerDetails.newCustomer("Harbor Works", CustomerType.COMPANY,
                    CustomerStatus.ACTIVE)).id();
            crm.customers().create(CustomerDetails.newCustomer("Mill & Sons", CustomerType.COMPANY, CustomerStatus.ACTIVE));
            UUID crane = crm.deals().create("Harbor crane", harbor, new BigDecimal("9000"), "EUR", null);

            Navigator navigator = new Navigator(ShellViewModelTest.workbench(), new Permissions(session.role()));
            TaskRunner runner = TaskRunner.direct();
            ScreenContext context = new ScreenContext(session, runner, navigator, Locale.US, UserPreferences.inMemory(),
                    Clock.systemUTC());
            QuickSearchViewModel vm = new QuickSearchViewModel(context, runner.newScope());

            vm.termProperty().set("h");
            vm.search();
            assertThat(vm.hits()).as("one letter is not a search").isEmpty();

            vm.termProperty().set("harbor");
            vm.search();
            assertThat(vm.hits()).extracting(SearchHit::record).containsExactly(
                    new RecordRef(CrmArea.CUSTOMER, harbor), new RecordRef(CrmArea.DEAL, crane));
            assertThat(vm.hits().get(1).detail()).contains("Deal").contains("Harbor Works");

            vm.open(vm.hits().get(1));
            assertThat(navigator.current()).isEqualTo(new Place(CrmArea.PIPELINE, new RecordRef(CrmArea.DEAL, crane)));

            vm.termProperty().set("nothing like this");
            vm.search();
            assertThat(vm.hits()).isEmpty();
            assertThat(vm.messageProperty().get()).contains("nothing like this");
        } finally {
            session.person().close();
        }
    }
}
