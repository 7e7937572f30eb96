package com.workline.persistence.catalog;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The catalog's services against the real database: one organization, a manager and an employee (fast). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogServicesTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TestPerson managerPerson;
    private TestPerson employeePerson;
    private TenantSession manager;
    private TenantSession employee;

    @BeforeAll
    void organization() {
        org = db.newOrganization("Catalog");
        managerPerson = db.newPerson(org, Role.MANAGER);
        employeePerson = db.newPerson(org, Role.EMPLOYEE);
        manager = db.signInTo(managerPerson, org);
        employee = db.signInTo(employeePerson, org);
    }

    @AfterAll
    void close() {
        manager.person().close();
        employee.person().close();
    }

    private static Problem problemOf(Throwable e) {
        return ((WorklineException) e).problem();
    }

    // ----- tax rates, units, categories --------------------------------------------------------------

    @Test
    void taxRatesHaveExactlyOneDefaultThatMoves() {
        TaxRateService rates = Catalog.of(manager).taxRates();
        TaxRate first = rates.create(TaxRate.newRate("Standard " + db.unique(), new BigDecimal("19")));
        TaxRate reduced = rates.create(TaxRate.newRate("Reduced " + db.unique(), new BigDecimal("7")));
        assertThat(first.isDefault()).as("the first rate becomes the default").isTrue();
        assertThat(reduced.isDefault()).isFalse();

        rates.setDefault(reduced.id());
        assertThat(rates.list()).filteredOn(TaxRate::isDefault).extracting(TaxRate::id).containsExactly(reduced.id());
        assertThat(rates.defaultRate().percent()).isEqualByComparingTo("7");

        TaxRate renamed = rates.update(new TaxRate(first.id(), "Standard renamed " + db.unique(), new BigDecimal("19.5"),
                first.isDefault(), true, rates.list().stream().filter(r -> r.id().equals(first.id())).findFirst().orElseThrow().version()));
        assertThat(renamed.percent()).isEqualByComparingTo("19.5");
        assertThatThrownBy(() -> rates.update(new TaxRate(renamed.id(), "Stale", renamed.percent(), renamed.isDefault(), true, renamed.version() - 1)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CONFLICT));
        assertThatThrownBy(() -> rates.create(TaxRate.newRate("Too much", new BigDecimal("100.5"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKey("percent"));
    }

    @Test
    void unitsAndServiceCategoriesRoundTrip() {
        Unit unit = Catalog.of(manager).units().create(Unit.newUnit("u" + db.unique().hashCode(), "Unit"));
        Unit renamed = Catalog.of(manager).units().update(new Unit(unit.id(), unit.code(), "Hour", true, unit.version()));
        assertThat(renamed.version()).isEqualTo(unit.version() + 1);
        assertThat(Catalog.of(employee).units().list()).extracting(Unit::name).contains("Hour");

        ServiceCategory category = Catalog.of(manager).serviceCategories().create(ServiceCategory.newCategory("Support " + db.unique()));
        assertThat(Catalog.of(employee).serviceCategories().list()).extracting(ServiceCategory::id).contains(category.id());
        ServiceCategory saved = Catalog.of(manager).serviceCategories().update(
                new ServiceCategory(category.id(), category.name(), "Phone and e-mail", true, category.version()));
        assertThat(saved.description()).isEqualTo("Phone and e-mail");
        assertThatThrownBy(() -> Catalog.of(manager).serviceCategories().update(category))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CONFLICT));
    }

    @Test
    void categoriesFormATreeWithoutCycles() {
        ProductCategoryService categories = Catalog.of(manager).categories();
        String tag = db.unique();
        ProductCategory tools = categories.create(ProductCategory.newCategory(null, "Tools " + tag));
        ProductCategory drills = categories.create(ProductCategory.newCategory(tools.id(), "Drills " + tag));
        ProductCategory cordless = categories.create(ProductCategory.newCategory(drills.id(), "Cordless " + tag));

        List<ProductCategory> tree = categories.tree().stream().filter(c -> c.name().endsWith(tag)).toList();
        assertThat(tree).extracting(ProductCategory::name, ProductCategory::depth)
                .containsExactly(tuple("Tools " + tag, 0),
                        tuple("Drills " + tag, 1),
                        tuple("Cordless " + tag, 2));

        assertThatThrownBy(() -> categories.update(tools.withParent(cordless.id())))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKey("parentId"));
        assertThatThrownBy(() -> categories.update(tools.withParent(tools.id()))).isInstanceOf(ValidationException.class);

        ProductCategory moved = categories.update(cordless.withParent(tools.id()));
        assertThat(moved.parentId()).isEqualTo(tools.id());
        assertThatThrownBy(() -> categories.update(cordless.withName("Stale " + tag)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CONFLICT));
    }

    // ----- products ----------------------------------------------------------------------------------

    @Test
    void productListPagesByKeysetAndSearchesCodeAndName() {
        ProductService products = Catalog.of(manager).products();
        String tag = "zq" + Math.abs(db.unique().hashCode());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = tag + " Bolt " + (char) ('G' - i);
            names.add(name);
            products.create(ProductDetails.newProduct(tag.toUpperCase() + "-" + i, name, ProductType.MATERIAL, new BigDecimal("1.25")));
        }
        products.create(ProductDetails.newProduct("NUT-" + tag, "Hex nut " + tag, ProductType.STOCK, BigDecimal.ONE));

        List<String> found = new ArrayList<>();
        ProductPage.Cursor cursor = null;
        int pages = 0;
        do {
            ProductPage page = products.list(ProductQuery.search(tag + " bolt"), cursor, 3);
            page.rows().forEach(r -> found.add(r.name()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(found).containsExactlyElementsOf(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());
        assertThat(pages).isEqualTo(3);

        // By code, and a word inside the name.
        assertThat(products.list(ProductQuery.search("nut-" + tag), null, 10).rows()).extracting(ProductRow::code)
                .containsExactly("NUT-" + tag);
        assertThat(products.list(ProductQuery.search("hex nut " + tag), null, 10).rows()).hasSize(1);
        // Sorted by code.
        assertThat(products.list(ProductQuery.search(tag).sortedBy(ProductQuery.Sort.CODE), null, 20).rows())
                .extracting(ProductRow::code).first().isEqualTo("NUT-" + tag);
        // Employees read the list too.
        assertThat(Catalog.of(employee).products().list(ProductQuery.search(tag), null, 20).rows()).hasSize(8);
    }

    @Test
    void productUpdateChecksTheVersionAndDeactivates() {
        ProductService products = Catalog.of(manager).products();
        ProductDetails created = products.create(ProductDetails.newProduct("P-" + db.unique(), "Widget", ProductType.MANUFACTURED,
                new BigDecimal("10.5")));
        ProductDetails saved = products.update(created.withName("Widget II").withSalePrice(new BigDecimal("11")));
        assertThat(saved.name()).isEqualTo("Widget II");
        assertThat(saved.version()).isEqualTo(created.version() + 1);

        assertThatThrownBy(() -> products.update(created.withName("Stale")))
                .isInstanceOf(ProductConflictException.class)
                .satisfies(e -> assertThat(((ProductConflictException) e).current().name()).isEqualTo("Widget II"));

        ProductDetails inactive = products.deactivate(saved.id(), saved.version());
        assertThat(inactive.active()).isFalse();
        assertThat(products.list(ProductQuery.search(saved.code()), null, 10).rows()).isEmpty();
        assertThat(products.list(ProductQuery.search(saved.code()).withInactive(true), null, 10).rows()).hasSize(1);
        assertThatThrownBy(() -> products.create(ProductDetails.newProduct("", "x", ProductType.SERVICE, new BigDecimal("-1"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKeys("code", "salePrice"));
    }

    @Test
    void costIsForManagersOnly() {
        ProductService products = Catalog.of(manager).products();
        ProductDetails product = products.create(ProductDetails.newProduct("C-" + db.unique(), "Costly", ProductType.MATERIAL,
                new BigDecimal("100")).withCost(new BigDecimal("62.5")));
        assertThat(product.cost()).isEqualByComparingTo("62.5");
        ProductDetails changed = products.update(product.withCost(new BigDecimal("64")));
        assertThat(changed.cost()).isEqualByComparingTo("64");
        assertThat(products.costOn(product.id(), LocalDate.now().minusDays(1))).isNull();

        ProductService theirs = Catalog.of(employee).products();
        ProductDetails seen = theirs.load(product.id());
        assertThat(seen.salePrice()).isEqualByComparingTo("100");
        assertThat(seen.cost()).as("the employee does not see the cost").isNull();
        assertThat(theirs.costOn(product.id(), LocalDate.now())).isNull();
        assertThatThrownBy(() -> theirs.setCost(product.id(), BigDecimal.ONE))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThat(products.load(product.id()).cost()).isEqualByComparingTo("64");
    }

    @Test
    void employeesCannotWriteTheCatalog() {
        Catalog theirs = Catalog.of(employee);
        ProductDetails product = Catalog.of(manager).products().create(ProductDetails.newProduct("E-" + db.unique(), "Fixed",
                ProductType.SERVICE, BigDecimal.TEN));
        assertThatThrownBy(() -> theirs.products().create(ProductDetails.newProduct("E2-" + db.unique(), "Mine",
                ProductType.SERVICE, BigDecimal.ONE))).satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> theirs.products().update(product.withName("Changed")))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> theirs.taxRates().create(TaxRate.newRate("Mine " + db.unique(), BigDecimal.ONE)))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> theirs.rateCards().createCard(RateCard.newCard("Mine " + db.unique())))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThat(Catalog.of(manager).products().load(product.id()).name()).isEqualTo("Fixed");
    }

    // ----- rate cards --------------------------------------------------------------------------------

    @Test
    void applicableRateTakesTheCustomersCardThenTheMostSpecificItemValidOnTheDate() {
        RateCardService cards = Catalog.of(manager).rateCards();
        ServiceCategory consulting = Catalog.of(manager).serviceCategories().create(ServiceCategory.newCategory("Consulting " + db.unique()));
        ServiceCategory training = Catalog.of(manager).serviceCategories().create(ServiceCategory.newCategory("Training " + db.unique()));
        RateCard standard = defaultCard(cards);
        UUID customer = Crm.of(manager).customers().create(CustomerDetails.newCustomer("Rated " + db.unique(), CustomerType.COMPANY,
                CustomerStatus.ACTIVE)).id();
        UUID other = Crm.of(manager).customers().create(CustomerDetails.newCustomer("Other " + db.unique(), CustomerType.COMPANY,
                CustomerStatus.ACTIVE)).id();
        RateCard own = cards.createCard(RateCard.forCustomer("Special " + db.unique(), customer));
        assertThat(own.isDefault()).isFalse();
        assertThatThrownBy(() -> cards.createCard(RateCard.forCustomer("Second " + db.unique(), customer)))
                .isInstanceOf(ValidationException.class);

        LocalDate jan = LocalDate.of(2026, 1, 1);
        LocalDate jun = LocalDate.of(2026, 6, 1);
        cards.addItem(RateCardItem.forEveryone(standard.id(), consulting.id(), jan, LocalDate.of(2026, 5, 31), new BigDecimal("100"))
                .withCostRate(new BigDecimal("60")));
        cards.addItem(RateCardItem.forEveryone(standard.id(), consulting.id(), jun, null, new BigDecimal("110")));
        cards.addItem(RateCardItem.forEveryone(standard.id(), consulting.id(), jan, null, new BigDecimal("130")).forRole(Role.MANAGER));
        cards.addItem(RateCardItem.forEveryone(standard.id(), consulting.id(), jan, null, new BigDecimal("150"))
                .forPerson(employeePerson.userId()).withCostRate(new BigDecimal("70")));
        cards.addItem(RateCardItem.forEveryone(own.id(), consulting.id(), jan, null, new BigDecimal("90")));
        cards.addItem(RateCardItem.forEveryone(standard.id(), training.id(), jan, null, new BigDecimal("80")));

        UUID someone = managerPerson.userId();
        // Default card, category only, by date.
        assertThat(cards.applicableRate(other, consulting.id(), someone, Role.EMPLOYEE, LocalDate.of(2026, 3, 1)).billingRate())
                .isEqualByComparingTo("100");
        assertThat(cards.applicableRate(other, consulting.id(), someone, Role.EMPLOYEE, LocalDate.of(2026, 5, 31)).costRate())
                .isEqualByComparingTo("60");
        assertThat(cards.applicableRate(other, consulting.id(), someone, Role.EMPLOYEE, jun).billingRate()).isEqualByComparingTo("110");
        assertThat(cards.applicableRate(null, consulting.id(), someone, Role.EMPLOYEE, LocalDate.of(2025, 12, 31))).isNull();
        // The role's rate beats the category's, the person's beats the role's.
        assertThat(cards.applicableRate(other, consulting.id(), someone, Role.MANAGER, jun).billingRate()).isEqualByComparingTo("130");
        ApplicableRate personal = cards.applicableRate(other, consulting.id(), employeePerson.userId(), Role.MANAGER, jun);
        assertThat(personal.billingRate()).isEqualByComparingTo("150");
        assertThat(personal.costRate()).isEqualByComparingTo("70");
        // The customer's own card first; for a category it lacks, the default card.
        ApplicableRate special = cards.applicableRate(customer, consulting.id(), employeePerson.userId(), Role.MANAGER, jun);
        assertThat(special.billingRate()).isEqualByComparingTo("90");
        assertThat(special.rateCardId()).isEqualTo(own.id());
        assertThat(cards.applicableRate(customer, training.id(), someone, Role.EMPLOYEE, jun).billingRate()).isEqualByComparingTo("80");

        // Employees get the billing rate, never the cost rate.
        ApplicableRate forEmployee = Catalog.of(employee).rateCards().applicableRate(other, consulting.id(), employeePerson.userId(),
                Role.EMPLOYEE, jun);
        assertThat(forEmployee.billingRate()).isEqualByComparingTo("150");
        assertThat(forEmployee.costRate()).isNull();
        assertThat(Catalog.of(employee).rateCards().items(standard.id())).extracting(RateCardItem::costRate).containsOnlyNulls();
        assertThat(cards.items(standard.id())).extracting(RateCardItem::costRate).filteredOn(java.util.Objects::nonNull).hasSize(2);
    }

    @Test
    void overlappingValidityIsRefusedAndTheDefaultCardMoves() {
        RateCardService cards = Catalog.of(manager).rateCards();
        ServiceCategory category = Catalog.of(manager).serviceCategories().create(ServiceCategory.newCategory("Overlap " + db.unique()));
        RateCard card = cards.createCard(RateCard.newCard("Overlap card " + db.unique()));
        RateCardItem first = cards.addItem(RateCardItem.forEveryone(card.id(), category.id(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), new BigDecimal("50")));
        assertThatThrownBy(() -> cards.addItem(RateCardItem.forEveryone(card.id(), category.id(), LocalDate.of(2026, 3, 31), null,
                new BigDecimal("55")))).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).containsKey("validFrom"));
        // Adjacent periods and other roles are fine.
        RateCardItem second = cards.addItem(RateCardItem.forEveryone(card.id(), category.id(), LocalDate.of(2026, 4, 1), null,
                new BigDecimal("55")));
        cards.addItem(RateCardItem.forEveryone(card.id(), category.id(), LocalDate.of(2026, 1, 1), null, new BigDecimal("70"))
                .forRole(Role.ADMIN));
        // Moving an item into another's period is refused too; a stale version is a conflict.
        assertThatThrownBy(() -> cards.updateItem(second.withValidity(LocalDate.of(2026, 3, 1), null)))
                .isInstanceOf(ValidationException.class);
        RateCardItem extended = cards.updateItem(first.withBillingRate(new BigDecimal("52")));
        assertThat(extended.billingRate()).isEqualByComparingTo("52");
        assertThatThrownBy(() -> cards.updateItem(first.withBillingRate(new BigDecimal("53"))))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CONFLICT));

        RateCard before = defaultCard(cards);
        RateCard now = cards.setDefault(card.id());
        assertThat(now.isDefault()).isTrue();
        assertThat(cards.cards()).filteredOn(RateCard::isDefault).extracting(RateCard::id).containsExactly(card.id());
        cards.setDefault(before.id());
    }

    private RateCard defaultCard(RateCardService cards) {
        return cards.cards().stream().filter(RateCard::isDefault).findFirst()
                .orElseGet(() -> cards.createCard(RateCard.newCard("Standard " + db.unique())));
    }
}
