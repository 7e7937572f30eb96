package com.workline.ui.quoting;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quote list and editor view models against the real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteViewModelsTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TenantSession manager;
    private TenantSession viewer;
    private UUID customer;
    private UUID product;
    private UUID service;

    @BeforeAll
    void organization() throws SQLException {
        org = db.newOrganization("Quote VM");
        TestPerson managerPerson = db.newPerson(org, Role.MANAGER);
        TestPerson viewerPerson = db.newPerson(org, Role.VIEWER);
        Fixtures.crmDataOf(db, org, managerPerson.userId());
        customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        product = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.products WHERE organization_id = ?", org);
        service = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.service_categories WHERE organization_id = ?", org);
        manager = db.signInTo(managerPerson, org);
        viewer = db.signInTo(viewerPerson, org);
    }

    @AfterAll
    void close() {
        manager.person().close();
        viewer.person().close();
    }

    private QuoteService quotes(TenantSession session) {
        return Quoting.of(session).quotes();
    }

    private QuoteEditorViewModel editor(TenantSession session, Locale locale, List<UUID> opened) {
        return new QuoteEditorViewModel(quotes(session), Catalog.of(session), com.workline.persistence.crm.Crm.of(session),
                new Permissions(session.role()),
                BackgroundTasks.direct(), locale, opened::add);
    }

    private QuoteEditorViewModel typedDraft(Locale locale, String title) {
        QuoteDetails draft = quotes(manager).createDraft(customer, null, null, title);
        QuoteEditorViewModel vm = editor(manager, locale, new ArrayList<>());
        vm.open(draft.id());
        vm.addLine(LineKind.TEXT).descriptionProperty().set("Hardware");
        QuoteLineRow workstation = vm.addLine(LineKind.PRODUCT);
        workstation.productIdProperty().set(product);
        workstation.descriptionProperty().set("Workstation");
        workstation.quantityProperty().set("2");
        workstation.unitProperty().set("pc");
        workstation.unitPriceProperty().set(locale == Locale.GERMANY ? "1249,90" : "1249.90");
        workstation.discountPercentProperty().set("5");
        workstation.taxRatePercentProperty().set("19");
        QuoteLineRow installation = vm.addLine(LineKind.SERVICE);
        installation.serviceCategoryIdProperty().set(service);
        installation.descriptionProperty().set("Installation");
        installation.quantityProperty().set(locale == Locale.GERMANY ? "3,5" : "3.5");
        installation.unitProperty().set("h");
        installation.unitPriceProperty().set("89");
        installation.taxRatePercentProperty().set("19");
        QuoteLineRow manual = vm.addLine(LineKind.PRODUCT);
        manual.productIdProperty().set(product);
        manual.descriptionProperty().set("Manual");
        manual.quantityProperty().set("2");
        manual.unitPriceProperty().set(locale == Locale.GERMANY ? "24,95" : "24.95");
        manual.taxRatePercentProperty().set("7");
        return vm;
    }

    @Test
    void liveTotalsEqualTheStoredOnesThenSendGivesANumberAndAcceptEndsIt() {
        QuoteEditorViewModel vm = typedDraft(Locale.US, "Workstations");
        vm.documentDiscountProperty().set("3");
        assertThat(vm.isReadOnly()).isFalse();
        assertThat(vm.canSend()).isTrue();
        assertThat(vm.canAccept()).isFalse();
        String liveTotal = vm.totalProperty().get();
        BigDecimal liveNet = vm.totalsProperty().get().net();
        assertThat(liveTotal).isNotEmpty();
        assertThat(vm.taxSummary()).hasSize(2);
        assertThat(vm.lines().get(0).netProperty().get()).isEmpty();

        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo(com.workline.ui.common.Messages.get("quote.saved"));
        QuoteDetails stored = vm.quoteProperty().get();
        assertThat(stored.total()).isEqualByComparingTo(vm.totalsProperty().get().total());
        assertThat(stored.net()).isEqualByComparingTo(liveNet);
        assertThat(vm.totalProperty().get()).isEqualTo(liveTotal);
        assertThat(stored.lines()).extracting(l -> l.kind())
                .containsExactly(LineKind.TEXT, LineKind.PRODUCT, LineKind.SERVICE, LineKind.PRODUCT);
        assertThat(vm.dirtyProperty().get()).isFalse();

        vm.send();
        assertThat(vm.quoteProperty().get().status()).isEqualTo(QuoteStatus.SENT);
        assertThat(vm.quoteProperty().get().number()).isNotBlank();
        assertThat(vm.isReadOnly()).isTrue();
        assertThat(vm.canAccept()).isTrue();
        assertThat(vm.canRevise()).isTrue();
        assertThat(vm.events()).isNotEmpty();

        vm.accept();
        assertThat(vm.quoteProperty().get().status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(vm.canAccept()).isFalse();
        assertThat(vm.canSend()).isFalse();
        assertThat(vm.events().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aServiceLineGetsItsPriceThroughTheServiceAndAProductLineFromTheProduct() {
        QuoteEditorViewModel vm = typedDraft(Locale.US, "Prices");
        QuoteLineRow row = vm.addLine(LineKind.SERVICE);
        vm.chooseService(row, service);
        BigDecimal rate = quotes(manager).defaultUnitPrice(
                com.workline.persistence.quoting.QuoteLine.service(service, null, "1", null, null, "19"), customer,
                java.time.LocalDate.now());
        assertThat(row.unitPriceProperty().get()).isEqualTo(rate == null ? "" : com.workline.ui.common.LocaleNumbers.formatAmount(rate, Locale.US));
        List<com.workline.persistence.catalog.ProductRow> found = new ArrayList<>();
        vm.findProducts("", found::addAll);
        assertThat(found).isNotEmpty();
        QuoteLineRow productRow = vm.addLine(LineKind.PRODUCT);
        vm.chooseProduct(productRow, found.get(0));
        assertThat(productRow.descriptionProperty().get()).isEqualTo(found.get(0).name());
        assertThat(productRow.productIdProperty().get()).isEqualTo(found.get(0).id());
    }

    @Test
    void theStoredQuoteRendersAsPdf() {
        QuoteEditorViewModel vm = typedDraft(Locale.US, "Printed");
        vm.save();
        vm.send();
        byte[] pdf = QuotePdf.render(manager, vm.quoteProperty().get().id());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(QuotePdf.fileName(vm.quoteProperty().get())).isEqualTo(vm.quoteProperty().get().number() + ".pdf");
    }

    @Test
    void aDraftNeedsATitle() {
        QuoteEditorViewModel vm = typedDraft(Locale.US, "Titled");
        vm.titleProperty().set(" ");
        vm.save();
        assertThat(vm.errors().get("title")).isNotEmpty();
        assertThat(vm.lines()).hasSize(4);
    }

    @Test
    void anotherCustomerAndItsContactAreSavedWithTheDraft() {
        UUID other = com.workline.persistence.crm.Crm.of(manager).customers().create(
                com.workline.persistence.crm.CustomerDetails.newCustomer("Other Customer " + db.unique(),
                        com.workline.persistence.crm.CustomerType.COMPANY, com.workline.persistence.crm.CustomerStatus.ACTIVE)).id();
        QuoteEditorViewModel vm = typedDraft(Locale.US, "Customer change");
        assertThat(vm.customerIdProperty().get()).isEqualTo(customer);
        assertThat(vm.customerNameProperty().get()).isNotEmpty();
        assertThat(vm.contacts()).isNotEmpty();
        vm.contactIdProperty().set(vm.contacts().get(0).id());
        vm.save();
        assertThat(vm.quoteProperty().get().contactId()).isEqualTo(vm.contacts().get(0).id());

        List<com.workline.persistence.crm.CustomerRow> found = new ArrayList<>();
        vm.findCustomers("Other Customer", found::addAll);
        vm.chooseCustomer(found.stream().filter(c -> c.id().equals(other)).findFirst().orElseThrow());
        assertThat(vm.contactIdProperty().get()).isNull();
        assertThat(vm.contacts()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.save();
        assertThat(vm.quoteProperty().get().customerId()).isEqualTo(other);
        assertThat(vm.quoteProperty().get().contactId()).isNull();
        assertThat(vm.customerNameProperty().get()).startsWith("Other Customer");
        assertThat(vm.lines()).hasSize(4);
    }

    @Test
    void linesMoveUpAndDown() {
        QuoteEditorViewModel vm = typedDraft(Locale.US, "Moves");
        assertThat(vm.moveDown(0)).isEqualTo(1);
        assertThat(vm.lines().get(1).descriptionProperty().get()).isEqualTo("Hardware");
        assertThat(vm.moveUp(1)).isZero();
        assertThat(vm.moveUp(0)).isZero();
        assertThat(vm.lines().get(0).descriptionProperty().get()).isEqualTo("Hardware");
    }

    @Test
    void aConflictKeepsTheTypedLinesAndOffersTheStoredQuote() {
        QuoteEditorViewModel vm = typedDraft(Locale.US, "Conflict");
        QuoteDetails loaded = vm.quoteProperty().get();
        quotes(manager).saveDraft(quotes(manager).load(loaded.id()).withTitle("Someone else"));

        vm.save();
        assertThat(vm.conflictProperty().get()).isTrue();
        assertThat(vm.lines()).hasSize(4);
        assertThat(vm.lines().get(1).descriptionProperty().get()).isEqualTo("Workstation");
        assertThat(vm.messageProperty().get()).isNotEmpty();

        vm.reload();
        assertThat(vm.conflictProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).isEqualTo("Someone else");
        assertThat(vm.lines()).isEmpty();
    }

    @Test
    void aViewerReadsOnly() {
        QuoteDetails draft = quotes(manager).createDraft(customer, null, null, "For the viewer");
        QuoteEditorViewModel vm = editor(viewer, Locale.US, new ArrayList<>());
        vm.open(draft.id());
        assertThat(vm.quoteProperty().get()).isNotNull();
        assertThat(vm.isReadOnly()).isTrue();
        assertThat(vm.canSend()).isFalse();
        assertThat(vm.canDuplicate()).isFalse();
        assertThat(vm.serviceCategories()).extracting(c -> c.id()).contains(service);
    }

    @Test
    void germanMoneyInputIsReadAndShownTheGermanWay() {
        QuoteEditorViewModel vm = typedDraft(Locale.GERMANY, "Deutsch");
        vm.documentDiscountProperty().set("2,5");
        assertThat(vm.totalProperty().get()).contains(",");
        vm.save();
        QuoteDetails stored = vm.quoteProperty().get();
        assertThat(stored.lines().get(1).unitPrice()).isEqualByComparingTo("1249.90");
        assertThat(stored.lines().get(2).quantity()).isEqualByComparingTo("3.5");
        assertThat(stored.documentDiscountPercent()).isEqualByComparingTo("2.5");
        assertThat(vm.lines().get(1).unitPriceProperty().get()).isEqualTo("1249,90");
        assertThat(vm.documentDiscountProperty().get()).isEqualTo("2,5");
    }

    @Test
    void duplicateOpensTheNewDraft() {
        QuoteDetails draft = quotes(manager).createDraft(customer, null, null, "To copy");
        List<UUID> opened = new ArrayList<>();
        QuoteEditorViewModel vm = editor(manager, Locale.US, opened);
        vm.open(draft.id());
        vm.duplicate();
        assertThat(opened).hasSize(1).doesNotContain(draft.id());
    }

    @Test
    void listShowsTabsWithTotalsAndSearches() {
        QuoteEditorViewModel sent = typedDraft(Locale.US, "Listed sent " + db.unique());
        sent.save();
        sent.send();
        String title = "Listed draft " + db.unique();
        quotes(manager).createDraft(customer, null, null, title);

        QuoteListViewModel vm = new QuoteListViewModel(quotes(manager), com.workline.persistence.crm.Crm.of(manager).customers(),
                BackgroundTasks.direct(), Locale.US);
        vm.open();
        assertThat(vm.rows()).isNotEmpty().allMatch(r -> r.status() == QuoteStatus.DRAFT);
        assertThat(vm.tabTotals().get(QuoteStatus.SENT).count()).isPositive();
        assertThat(vm.tabCaption(QuoteStatus.SENT)).startsWith("Sent (");

        vm.searchProperty().set(title);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.title()).containsExactly(title);
        assertThat(vm.tabTotals().get(QuoteStatus.DRAFT).count()).isEqualTo(1);

        vm.searchProperty().set(sent.quoteProperty().get().number());
        vm.tabProperty().set(QuoteStatus.SENT);
        vm.refresh();
        assertThat(vm.rows()).extracting(r -> r.number()).containsExactly(sent.quoteProperty().get().number());

        List<com.workline.persistence.crm.CustomerRow> found = new ArrayList<>();
        vm.findCustomers("", found::addAll);
        assertThat(found).extracting(c -> c.id()).contains(customer);
        List<UUID> created = new ArrayList<>();
        vm.createDraft(found.stream().filter(c -> c.id().equals(customer)).findFirst().orElseThrow(), created::add);
        assertThat(created).hasSize(1);
        QuoteDetails fresh = quotes(manager).load(created.get(0));
        assertThat(fresh.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(fresh.validUntil()).isNotNull();
        assertThat(fresh.title()).startsWith("Quote for ");
    }

    @Test
    void firstLineGetsTheDefaultTaxRateForeignCurrencyNeedsARateTextsAreSavedAndLinesMoveByDrag() {
        QuoteDetails draft = quotes(manager).createDraft(customer, null, null, "Extras");
        QuoteEditorViewModel vm = editor(manager, Locale.GERMANY, new ArrayList<>());
        vm.open(draft.id());
        BigDecimal defaultRate = Catalog.of(manager).taxRates().defaultRate().percent();
        QuoteLineRow first = vm.addLine(LineKind.PRODUCT);
        assertThat(com.workline.ui.common.LocaleNumbers.parsePercent(first.taxRatePercentProperty().get(), Locale.GERMANY))
                .isEqualByComparingTo(defaultRate);
        first.descriptionProperty().set("Desk");
        first.unitPriceProperty().set("100");
        vm.addLine(LineKind.TEXT).descriptionProperty().set("Section");

        // Drag the heading above the desk.
        assertThat(vm.moveLine(1, 0)).isZero();
        assertThat(vm.lines().get(0).kindProperty().get()).isEqualTo(LineKind.TEXT);
        assertThat(vm.moveLine(0, 99)).isEqualTo(1);
        assertThat(vm.moveLine(5, 0)).isEqualTo(5);

        // An unknown currency is said next to the field at once and blocks saving.
        vm.currencyProperty().set("EUX");
        assertThat(vm.errors().of("currency").get()).isNotEmpty();
        vm.save();
        assertThat(vm.quoteProperty().get().version()).isEqualTo(draft.version());
        vm.currencyProperty().set("usd");
        assertThat(vm.errors().of("currency").get()).isEmpty();
        assertThat(vm.foreignCurrencyProperty().get()).isTrue();
        vm.save();
        assertThat(vm.errors().of("exchangeRate").get()).isNotEmpty();
        vm.exchangeRateProperty().set("0,92");
        vm.termsProperty().set("Payable within 14 days.");
        vm.customerNotesProperty().set("Delivery in May.");
        vm.internalNotesProperty().set("Ask Bob about the discount.");
        vm.save();
        QuoteDetails stored = quotes(manager).load(draft.id());
        assertThat(stored.currency()).isEqualTo("USD");
        assertThat(stored.exchangeRate()).isEqualByComparingTo("0.92");
        assertThat(stored.terms()).isEqualTo("Payable within 14 days.");
        assertThat(stored.customerNotes()).isEqualTo("Delivery in May.");
        assertThat(stored.internalNotes()).isEqualTo("Ask Bob about the discount.");
        assertThat(stored.lines()).extracting(l -> l.kind()).containsExactly(LineKind.PRODUCT, LineKind.TEXT);

        // The service refuses a foreign currency without a rate whatever the client sends.
        QuoteDetails withoutRate = new QuoteDetails(stored.id(), stored.number(), stored.revision(), stored.supersedesId(),
                stored.status(), stored.customerId(), stored.contactId(), stored.dealId(), stored.title(), stored.validUntil(),
                "USD", null, null, stored.taxRounding(), null, null, null, null, null, null, null, null, null, null, null,
                null, stored.version(), stored.lines(), List.of());
        assertThatThrownBy(() -> quotes(manager).saveDraft(withoutRate))
                .isInstanceOf(com.workline.persistence.common.ValidationException.class)
                .satisfies(e -> assertThat(((com.workline.persistence.common.ValidationException) e).fieldErrors())
                        .containsKey("exchangeRate"));
    }
}
