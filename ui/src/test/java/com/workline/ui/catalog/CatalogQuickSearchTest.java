package com.workline.ui.catalog;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.ProductDetails;
import com.workline.persistence.catalog.ProductType;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.shell.QuickSearchViewModel;
import com.workline.ui.task.TaskRunner;
import com.workline.ui.workbench.Navigator;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.Place;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;
import com.workline.ui.workbench.Workbench;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogQuickSearchTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void ctrlKFindsProductsByCodeOrNameAndOpensTheProductInCatalogProducts() {
        UUID org = db.newOrganization("Catalog search");
        TenantSession manager = db.signInTo(db.newPerson(org, Role.MANAGER), org);
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            UUID valve = Catalog.of(manager).products().create(ProductDetails.newProduct("VLV-100", "Ball valve",
                    ProductType.STOCK, new BigDecimal("12.90"))).id();
            UUID install = Catalog.of(manager).products().create(ProductDetails.newProduct("SRV-7", "Valve installation",
                    ProductType.SERVICE, new BigDecimal("85"))).id();
            Catalog.of(manager).products().create(ProductDetails.newProduct("PMP-1", "Pump", ProductType.STOCK, BigDecimal.ONE));

            Workbench workbench = new Workbench(List.of(new CatalogArea()));
            Navigator navigator = new Navigator(workbench, new Permissions(employee.role()));
            assertThat(navigator.sections()).as("employees read the catalog but do not administer it")
                    .extracting(Section::id).containsExactly(CatalogArea.PRODUCTS);
            assertThat(new Navigator(workbench, new Permissions(manager.role())).sections()).extracting(Section::id)
                    .containsExactly(CatalogArea.PRODUCTS, CatalogArea.TAX_RATES_UNITS, CatalogArea.RATE_CARDS);

            TaskRunner runner = TaskRunner.direct();
            ScreenContext context = new ScreenContext(employee, runner, navigator, Locale.US, UserPreferences.inMemory(),
                    Clock.systemUTC());
            QuickSearchViewModel vm = new QuickSearchViewModel(context, runner.newScope());

            vm.termProperty().set("valve");
            vm.search();
            assertThat(vm.hits()).extracting(SearchHit::record).containsExactlyInAnyOrder(
                    new RecordRef(CatalogArea.PRODUCT, valve), new RecordRef(CatalogArea.PRODUCT, install));
            SearchHit byCode = null;
            vm.termProperty().set("vlv-1");
            vm.search();
            assertThat(vm.hits()).hasSize(1);
            byCode = vm.hits().get(0);
            assertThat(byCode.title()).isEqualTo("Ball valve");
            assertThat(byCode.detail()).contains("Product").contains("VLV-100").contains("Stock product");

            vm.open(byCode);
            assertThat(navigator.current()).isEqualTo(new Place(CatalogArea.PRODUCTS, new RecordRef(CatalogArea.PRODUCT, valve)));
        } finally {
            manager.person().close();
            employee.person().close();
        }
    }
}
