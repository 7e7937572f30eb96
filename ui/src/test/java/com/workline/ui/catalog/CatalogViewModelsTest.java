package com.workline.ui.catalog;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.ProductDetails;
import com.workline.persistence.catalog.ProductType;
import com.workline.persistence.catalog.RateCardItem;
import com.workline.persistence.catalog.TaxRate;
import com.workline.persistence.catalog.Unit;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewModelsTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TenantSession manager;

    @BeforeEach
    void organization() {
        org = db.newOrganization("Catalog VM");
        manager = db.signInTo(db.newPerson(org, Role.MANAGER), org);
    }

    @AfterEach
    void close() {
        manager.person().close();
    }

    private ProductFormViewModel form(TenantSession session, Locale locale, List<ProductDetails> saved) {
        return new ProductFormViewModel(Catalog.of(session), new Permissions(session.role()), BackgroundTasks.direct(), locale,
                saved::add);
    }

    private ProductDetails product(String code, String name, String price) {
        return Catalog.of(manager).products().create(ProductDetails.newProduct(code, name, ProductType.MATERIAL,
                new BigDecimal(price)));
    }

    @Test
    void listSearchesAsYouTypeAndPagesOn() {
        for (int i = 0; i < 130; i++) {
            product(String.format("W-%03d", i), String.format("Widget %03d", i), "10");
        }
        product("BOLT-1", "Hex bolt", "0.25");
        ProductDetails old = product("OLD-1", "Old widget", "1");
        Catalog.of(manager).products().deactivate(old.id(), old.version());

        ProductListViewModel vm = new ProductListViewModel(Catalog.of(manager).products(), BackgroundTasks.direct(), Locale.US);
        vm.refresh();
        assertThat(vm.rows()).hasSize(ProductListViewModel.PAGE_SIZE);
        assertThat(vm.morePagesProperty().get()).isTrue();
        vm.loadMore();
        assertThat(vm.rows()).hasSize(131).extracting(r -> r.code()).doesNotHaveDuplicates().doesNotContain("OLD-1");
        assertThat(vm.morePagesProperty().get()).isFalse();

        vm.searchProperty().set("widget 12");
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.name()).containsExactly("Widget 120", "Widget 121", "Widget 122",
                "Widget 123", "Widget 124", "Widget 125", "Widget 126", "Widget 127", "Widget 128", "Widget 129");
        vm.searchProperty().set("bo");
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.code()).containsExactly("BOLT-1");
        assertThat(vm.price(vm.rows().get(0).salePrice())).isEqualTo("0.25");

        vm.searchProperty().set("old");
        vm.refresh();
        assertThat(vm.rows()).isEmpty();
        vm.showInactiveProperty().set(true);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.code()).containsExactly("OLD-1");
    }

    @Test
    void formCreatesWithValidationNextToTheFieldsAndEditsEveryField() {
        Catalog catalog = Catalog.of(manager);
        TaxRate standard = catalog.taxRates().create(TaxRate.newRate("Standard", new BigDecimal("19")));
        TaxRate reduced = catalog.taxRates().create(TaxRate.newRate("Reduced", new BigDecimal("7")));
        Unit hours = catalog.units().create(Unit.newUnit("h", "Hours"));
        List<ProductDetails> saved = new ArrayList<>();
        ProductFormViewModel vm = form(manager, Locale.US, saved);
        vm.open(null);
        assertThat(vm.isNew()).isTrue();
        assertThat(vm.canEdit()).isTrue();
        assertThat(vm.showsCost()).isTrue();
        assertThat(vm.taxRateProperty().get()).as("a new product starts with the default rate").isEqualTo(standard);
        assertThat(vm.units()).containsExactly(hours);

        vm.salePriceProperty().set("twelve");
        vm.save();
        assertThat(vm.errors().get("salePrice")).isEqualTo("Enter a number.");
        assertThat(vm.messageProperty().get()).isEqualTo("Please correct the marked fields.");
        assertThat(saved).isEmpty();

        vm.salePriceProperty().set("1,234.50");
        vm.save();
        assertThat(vm.errors().get("code")).isNotEmpty();
        assertThat(vm.errors().get("name")).isNotEmpty();
        assertThat(vm.errors().get("salePrice")).isEmpty();

        vm.codeProperty().set("CONS");
        vm.nameProperty().set("Consulting");
        vm.descriptionProperty().set("An hour of advice");
        vm.typeProperty().set(ProductType.SERVICE);
        vm.unitProperty().set(hours);
        vm.taxRateProperty().set(reduced);
        vm.costProperty().set("80");
        vm.save();
        assertThat(vm.errors().any()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Product CONS created.");
        assertThat(saved).hasSize(1);
        ProductDetails stored = catalog.products().load(saved.get(0).id());
        assertThat(stored.salePrice()).isEqualByComparingTo("1234.50");
        assertThat(stored.cost()).isEqualByComparingTo("80");
        assertThat(stored.unitId()).isEqualTo(hours.id());
        assertThat(stored.taxRateId()).isEqualTo(reduced.id());
        assertThat(stored.type()).isEqualTo(ProductType.SERVICE);
        assertThat(vm.titleProperty().get()).isEqualTo("CONS \u2014 Consulting");
        assertThat(vm.salePriceProperty().get()).isEqualTo("1234.50");

        vm.activeProperty().set(false);
        vm.nameProperty().set("Consulting (old)");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Product CONS saved.");
        assertThat(catalog.products().load(stored.id()).active()).isFalse();

        ProductFormViewModel reopened = form(manager, Locale.US, new ArrayList<>());
        reopened.open(stored.id());
        assertThat(reopened.nameProperty().get()).isEqualTo("Consulting (old)");
        assertThat(reopened.unitProperty().get()).isEqualTo(hours);
        assertThat(reopened.taxRateProperty().get()).isEqualTo(reduced);
        assertThat(reopened.costProperty().get()).isEqualTo("80.00");
    }

    @Test
    void pricesAreReadAndWrittenAsTheUsersLocaleDoes() {
        ProductFormViewModel vm = form(manager, Locale.GERMANY, new ArrayList<>());
        vm.open(null);
        vm.codeProperty().set("M-1");
        vm.nameProperty().set("Kupferrohr");
        vm.salePriceProperty().set("1.234,50");
        vm.costProperty().set("99,9");
        vm.save();
        assertThat(vm.errors().any()).isFalse();
        ProductDetails stored = Catalog.of(manager).products().load(vm.original().id());
        assertThat(stored.salePrice()).isEqualByComparingTo("1234.50");
        assertThat(stored.cost()).isEqualByComparingTo("99.9");
        assertThat(vm.salePriceProperty().get()).isEqualTo("1234,50");
        assertThat(vm.costProperty().get()).isEqualTo("99,90");

        vm.salePriceProperty().set("12.5.");
        vm.save();
        assertThat(vm.errors().get("salePrice")).isEqualTo("Enter a number.");

        ProductFormViewModel twin = form(manager, Locale.GERMANY, new ArrayList<>());
        twin.open(null);
        twin.codeProperty().set("M-1");
        twin.nameProperty().set("Noch ein Rohr");
        twin.salePriceProperty().set("2,00");
        twin.save();
        assertThat(twin.errors().get("code")).isEqualTo("Another product already has this code.");
        assertThat(twin.isNew()).isTrue();
        assertThat(twin.nameProperty().get()).isEqualTo("Noch ein Rohr");
    }

    @Test
    void aConflictKeepsWhatWasTypedAndOffersTheirsOrMine() {
        ProductDetails created = product("PIPE", "Pipe", "5");
        ProductFormViewModel vm = form(manager, Locale.US, new ArrayList<>());
        vm.open(created.id());

        TenantSession other = db.signInTo(db.newPerson(org, Role.ADMIN), org);
        try {
            Catalog.of(other).products().update(Catalog.of(other).products().load(created.id()).withName("Steel pipe"));
        } finally {
            other.person().close();
        }

        vm.salePriceProperty().set("6.50");
        vm.save();
        assertThat(vm.conflictProperty().get()).isNotNull();
        assertThat(vm.conflictProperty().get().name()).isEqualTo("Steel pipe");
        assertThat(vm.messageProperty().get()).contains("Someone else saved this product");
        assertThat(vm.salePriceProperty().get()).as("typing is kept").isEqualTo("6.50");
        assertThat(vm.nameProperty().get()).isEqualTo("Pipe");

        vm.takeTheirs();
        assertThat(vm.conflictProperty().get()).isNull();
        assertThat(vm.nameProperty().get()).isEqualTo("Steel pipe");
        assertThat(vm.salePriceProperty().get()).isEqualTo("5.00");

        // Again, and this time mine wins.
        TenantSession third = db.signInTo(db.newPerson(org, Role.OWNER), org);
        try {
            Catalog.of(third).products().update(Catalog.of(third).products().load(created.id()).withSalePrice(new BigDecimal("7")));
        } finally {
            third.person().close();
        }
        vm.salePriceProperty().set("8");
        vm.save();
        assertThat(vm.conflictProperty().get()).isNotNull();
        vm.overwriteTheirs();
        assertThat(vm.conflictProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Product PIPE saved.");
        assertThat(Catalog.of(manager).products().load(created.id()).salePrice()).isEqualByComparingTo("8");
    }

    @Test
    void employeesSeeNoCostAndCannotSave() {
        ProductDetails created = Catalog.of(manager).products().create(
                ProductDetails.newProduct("SECRET", "Secret sauce", ProductType.MANUFACTURED, new BigDecimal("50"))
                        .withCost(new BigDecimal("12")));
        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            ProductFormViewModel vm = form(employee, Locale.US, new ArrayList<>());
            vm.open(created.id());
            assertThat(vm.canEdit()).isFalse();
            assertThat(vm.showsCost()).isFalse();
            assertThat(vm.costProperty().get()).isEmpty();
            assertThat(vm.nameProperty().get()).isEqualTo("Secret sauce");
            assertThat(vm.messageProperty().get()).contains("managers");

            vm.nameProperty().set("Not so secret");
            vm.save();
            assertThat(vm.messageProperty().get()).contains("managers");
            assertThat(Catalog.of(manager).products().load(created.id()).name()).isEqualTo("Secret sauce");
            assertThat(Catalog.of(manager).products().load(created.id()).cost()).isEqualByComparingTo("12");

            ProductListViewModel list = new ProductListViewModel(Catalog.of(employee).products(), BackgroundTasks.direct(), Locale.US);
            list.searchProperty().set("secret");
            list.refresh();
            assertThat(list.rows()).extracting(r -> r.code()).containsExactly("SECRET");
        } finally {
            employee.person().close();
        }
    }

    @Test
    void taxRatesAndUnitsAreAdministeredInTheUsersLocale() {
        TaxRatesUnitsViewModel vm = new TaxRatesUnitsViewModel(Catalog.of(manager), new Permissions(manager.role()),
                BackgroundTasks.direct(), Locale.GERMANY);
        vm.load();
        assertThat(vm.taxRates()).isEmpty();
        vm.newRate();
        vm.rateNameProperty().set("Normal");
        vm.ratePercentProperty().set("19,5 %");
        vm.saveRate();
        assertThat(vm.taxRates()).hasSize(1);
        assertThat(vm.taxRates().get(0).percent()).isEqualByComparingTo("19.5");
        assertThat(vm.taxRates().get(0).isDefault()).as("the first rate is the default").isTrue();
        assertThat(vm.ratePercentProperty().get()).isEqualTo("19,5");

        vm.newRate();
        vm.rateNameProperty().set("Erm\u00e4\u00dfigt");
        vm.ratePercentProperty().set("sieben");
        vm.saveRate();
        assertThat(vm.errors().get("taxRate.percent")).isEqualTo("Enter a number.");
        vm.ratePercentProperty().set("700");
        vm.saveRate();
        assertThat(vm.errors().get("taxRate.percent")).isNotEmpty();
        vm.ratePercentProperty().set("7");
        vm.saveRate();
        assertThat(vm.errors().any()).isFalse();
        vm.makeDefault();
        assertThat(vm.taxRates()).extracting(TaxRate::name).containsExactly("Erm\u00e4\u00dfigt", "Normal");
        assertThat(vm.taxRates().get(0).isDefault()).isTrue();

        vm.newUnit();
        vm.unitCodeProperty().set("h");
        vm.unitNameProperty().set("Stunden");
        vm.saveUnit();
        assertThat(vm.units()).extracting(Unit::code).containsExactly("h");
        assertThat(vm.messageProperty().get()).isEqualTo("Unit h saved.");

        // Someone renames the unit meanwhile: my typing stays, and the second save goes over theirs.
        Unit unit = vm.units().get(0);
        Catalog.of(manager).units().update(new Unit(unit.id(), "h", "Hours", true, unit.version()));
        vm.unitNameProperty().set("Arbeitsstunden");
        vm.saveUnit();
        assertThat(vm.messageProperty().get()).contains("Someone else changed this entry");
        assertThat(vm.unitNameProperty().get()).isEqualTo("Arbeitsstunden");
        vm.saveUnit();
        assertThat(vm.units()).extracting(Unit::name).containsExactly("Arbeitsstunden");
        vm.newUnit();
        vm.unitCodeProperty().set("h");
        vm.unitNameProperty().set("Noch einmal Stunden");
        vm.saveUnit();
        assertThat(vm.errors().get("unit.code")).isEqualTo("Another unit already has this code.");
        assertThat(vm.units()).hasSize(1);

        TenantSession viewer = db.signInTo(db.newPerson(org, Role.VIEWER), org);
        try {
            TaxRatesUnitsViewModel readOnly = new TaxRatesUnitsViewModel(Catalog.of(viewer), new Permissions(viewer.role()),
                    BackgroundTasks.direct(), Locale.GERMANY);
            readOnly.load();
            assertThat(readOnly.canEdit()).isFalse();
            assertThat(readOnly.units()).hasSize(1);
            readOnly.newUnit();
            readOnly.unitCodeProperty().set("kg");
            readOnly.unitNameProperty().set("Kilo");
            readOnly.saveUnit();
            assertThat(Catalog.of(manager).units().list()).hasSize(1);
        } finally {
            viewer.person().close();
        }
    }

    @Test
    void rateCardsPriceServiceCategoriesAndShowCostRatesOnlyToManagers() {
        RateCardsViewModel vm = new RateCardsViewModel(manager, new Permissions(manager.role()), BackgroundTasks.direct(),
                Locale.GERMANY);
        vm.load();
        vm.cardNameProperty().set("Standard");
        vm.createCard();
        assertThat(vm.cards()).hasSize(1);
        assertThat(vm.cards().get(0).isDefault()).isTrue();
        assertThat(vm.selectedCardProperty().get().name()).isEqualTo("Standard");
        vm.categoryNameProperty().set("Beratung");
        vm.addServiceCategory();
        assertThat(vm.categories()).hasSize(1);

        vm.newItem();
        vm.itemCategoryProperty().set(vm.categories().get(0));
        vm.validFromProperty().set(LocalDate.of(2026, 1, 1));
        vm.billingRateProperty().set("1.095,50");
        vm.costRateProperty().set("60");
        vm.saveItem();
        assertThat(vm.errors().any()).isFalse();
        assertThat(vm.items()).hasSize(1);
        assertThat(vm.items().get(0).billingRate()).isEqualByComparingTo("1095.50");
        assertThat(vm.items().get(0).costRate()).isEqualByComparingTo("60");
        assertThat(vm.whoFor(vm.items().get(0))).isEqualTo("Everyone");

        // A second rate for everyone on overlapping days is refused next to the field.
        vm.newItem();
        vm.itemCategoryProperty().set(vm.categories().get(0));
        vm.validFromProperty().set(LocalDate.of(2026, 6, 1));
        vm.billingRateProperty().set("100");
        vm.saveItem();
        assertThat(vm.errors().get("item.validFrom")).isNotEmpty();
        vm.itemRoleProperty().set(Role.EMPLOYEE); // a role's own rate may overlap
        vm.validUntilProperty().set(LocalDate.of(2026, 5, 1));
        vm.saveItem();
        assertThat(vm.errors().get("item.validUntil")).isNotEmpty();
        vm.validUntilProperty().set(null);
        vm.saveItem();
        assertThat(vm.errors().any()).isFalse();
        assertThat(vm.items()).hasSize(2);

        TenantSession employee = db.signInTo(db.newPerson(org, Role.EMPLOYEE), org);
        try {
            RateCardsViewModel readOnly = new RateCardsViewModel(employee, new Permissions(employee.role()), BackgroundTasks.direct(),
                    Locale.GERMANY);
            readOnly.load();
            assertThat(readOnly.canEdit()).isFalse();
            assertThat(readOnly.showsCost()).isFalse();
            assertThat(readOnly.items()).hasSize(2).extracting(RateCardItem::costRate).containsOnlyNulls();
            readOnly.cardNameProperty().set("Mine");
            readOnly.createCard();
            assertThat(Catalog.of(manager).rateCards().cards()).hasSize(1);
        } finally {
            employee.person().close();
        }
    }
}
