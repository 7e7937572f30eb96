package com.workline.persistence.catalog;

import com.workline.persistence.crm.ScaleDataGenerator;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog of generated data: what the demo and `workline admin generate` get. */
public class CatalogDataGeneratorTest {
    private final TestDatabase db = TestDatabase.get();

    /** Asserts the catalog every generated organization has (as a manager, who sees costs). */
    public static void assertGeneratedCatalog(TenantSession manager, int products, boolean withPerson) {
        Catalog catalog = Catalog.of(manager);
        assertThat(catalog.taxRates().list()).extracting(r -> r.percent().stripTrailingZeros().toPlainString(), TaxRate::isDefault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("19", true), org.assertj.core.groups.Tuple.tuple("7", false),
                        org.assertj.core.groups.Tuple.tuple("0", false));
        assertThat(catalog.units().list()).extracting(Unit::code).containsExactlyInAnyOrder("pc", "h", "m", "kg");
        List<ProductCategory> tree = catalog.categories().tree();
        assertThat(tree).filteredOn(c -> c.depth() == 0).hasSize(4);
        assertThat(tree).filteredOn(c -> c.depth() == 1).hasSizeGreaterThan(4);
        assertThat(catalog.serviceCategories().list()).extracting(ServiceCategory::name)
                .containsExactlyInAnyOrder("Consulting", "Installation", "Support");

        List<ProductRow> rows = new ArrayList<>();
        ProductPage.Cursor cursor = null;
        do {
            ProductPage page = catalog.products().list(ProductQuery.all().withInactive(true), cursor, 500);
            rows.addAll(page.rows());
            cursor = page.next();
        } while (cursor != null);
        assertThat(rows).hasSize(products);
        for (ProductType type : ProductType.values()) {
            assertThat(rows).filteredOn(r -> r.type() == type).as(type.name()).hasSize(products / 4);
        }
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.unitCode()).isNotNull();
            assertThat(r.categoryId()).isNotNull();
            assertThat(r.salePrice()).isPositive();
        });
        ProductDetails first = catalog.products().load(rows.get(0).id());
        assertThat(first.cost()).as("costs recorded").isNotNull().isLessThan(first.salePrice());

        RateCard card = catalog.rateCards().cards().stream().filter(RateCard::isDefault).findFirst().orElseThrow();
        List<RateCardItem> items = catalog.rateCards().items(card.id());
        assertThat(items).filteredOn(i -> i.role() == null && i.userId() == null).hasSize(3);
        assertThat(items).filteredOn(i -> i.role() == Role.MANAGER).hasSize(1);
        assertThat(items).filteredOn(i -> i.userId() != null).hasSize(withPerson ? 1 : 0);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.costRate()).as("cost rate").isNotNull();
            assertThat(i.billingRate()).isGreaterThan(i.costRate());
            assertThat(i.validFrom()).isBefore(LocalDate.now());
        });
    }

    @Test
    void scaleDataHasAProductCatalogAndADefaultRateCard() {
        List<ScaleDataGenerator.Result> results = new ScaleDataGenerator(db.superuser(), db.roles(), message -> { })
                .generate(1, 50, 40, "Catalog scale " + db.unique());
        assertThat(results).singleElement().satisfies(r -> assertThat(r.products()).isEqualTo(40));
        UUID org = results.get(0).organizationId();
        TestPerson person = db.newPerson(org, Role.MANAGER);
        TenantSession manager = db.signInTo(person, org);
        try {
            assertGeneratedCatalog(manager, 40, false);
            // the rates apply: the manager's consulting rate is the role's
            UUID consulting = Catalog.of(manager).serviceCategories().list().stream()
                    .filter(c -> c.name().equals("Consulting")).findFirst().orElseThrow().id();
            assertThat(Catalog.of(manager).rateCards().applicableRate(null, consulting, person.userId(), Role.MANAGER, LocalDate.now())
                    .billingRate()).isEqualByComparingTo(new BigDecimal("165"));
        } finally {
            manager.person().close();
        }
    }

    @Test
    void theDefaultIsOneProductPerTenCustomers() {
        assertThat(CatalogDataGenerator.productsFor(10_000)).isEqualTo(1_000);
        assertThat(CatalogDataGenerator.productsFor(5)).isEqualTo(4);
    }
}
