package com.workline.persistence.tenancy;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.ProductDetails;
import com.workline.persistence.catalog.ProductQuery;
import com.workline.persistence.catalog.ProductRow;
import com.workline.persistence.catalog.ProductType;
import com.workline.persistence.catalog.ServiceCategory;
import com.workline.persistence.catalog.TaxRate;
import com.workline.persistence.crm.BoardColumn;
import com.workline.persistence.crm.Contact;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.DealCard;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.TenantSession;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo company's quotes, made the way a person makes them (drafts saved through {@link QuoteService}, then sent,
 * accepted, rejected, cancelled, revised and expired by the database's functions), so each has its number and its
 * history: two drafts, two sent quotes, an accepted one (from an open deal, which it wins), a rejected one with its
 * reason, an expired one, a cancelled one, and one superseded by its sent revision "-R2". Lines of every kind:
 * products at their sale price, services at the rate the rate cards give, section headings and texts, a line
 * discount, an optional line, a document discount.
 */
final class DemoQuotes {
    private final TenantSession session;
    private final QuoteService quotes;
    private final List<CustomerRow> customers;
    private final Map<ProductType, List<ProductRow>> products = new HashMap<>();
    private final Map<UUID, BigDecimal> taxRates = new HashMap<>();
    private final List<ServiceCategory> services;
    private int nextCustomer;

    private DemoQuotes(TenantSession session) {
        this.session = session;
        this.quotes = Quoting.of(session).quotes();
        this.customers = Crm.of(session).customers().list(CustomerQuery.all(), null, 40).rows();
        for (ProductRow row : Catalog.of(session).products().list(ProductQuery.all(), null, 200).rows()) {
            products.computeIfAbsent(row.type(), t -> new ArrayList<>()).add(row);
        }
        for (TaxRate rate : Catalog.of(session).taxRates().list()) {
            taxRates.put(rate.id(), rate.percent().stripTrailingZeros());
        }
        this.services = Catalog.of(session).serviceCategories().list();
    }

    /** Creates the demo's quotes as the signed-in person (a manager or above: one quote is accepted from a deal). */
    static void create(TenantSession session) {
        new DemoQuotes(session).create();
    }

    private void create() {
        saved(draft("Control cabinet retrofit"), List.of(
                QuoteLine.text("Hardware"),
                product(ProductType.MANUFACTURED, 0, "1"),
                product(ProductType.STOCK, 0, "12"),
                product(ProductType.MATERIAL, 0, "25.5"),
                QuoteLine.text("Installation"),
                service("Installation", "16"),
                service("Consulting", "4"),
                QuoteLine.text("Installation on site during regular working hours.")), null);
        saved(draft("Spare parts for line 2"), List.of(
                product(ProductType.STOCK, 1, "40"),
                product(ProductType.STOCK, 2, "8").withDiscount("10")), null);

        QuoteDetails sent = saved(draft("Conveyor upgrade"), List.of(
                QuoteLine.text("Conveyor"),
                product(ProductType.MANUFACTURED, 1, "2"),
                product(ProductType.MATERIAL, 1, "60"),
                QuoteLine.text("Services"),
                service("Installation", "24"),
                service("Support", "8")), "3");
        quotes.send(sent.id(), sent.version());

        QuoteDetails maintenance = saved(draft("Annual maintenance"), List.of(
                service("Support", "40"),
                product(ProductType.STOCK, 3, "4"),
                QuoteLine.text("Option"),
                service("Consulting", "8").asOptional()), null);
        quotes.send(maintenance.id(), maintenance.version());

        QuoteDetails accepted = saved(fromDeal("Welding station"), List.of(
                product(ProductType.MANUFACTURED, 2, "1"),
                product(ProductType.STOCK, 4, "6"),
                service("Installation", "12")), null);
        accept(accepted);

        QuoteDetails rejected = saved(draft("Packaging machine"), List.of(
                product(ProductType.MANUFACTURED, 3, "1").withDiscount("5"),
                service("Consulting", "6")), null);
        rejected = sendAndReload(rejected);
        quotes.reject(rejected.id(), rejected.version(), "Went with a competitor");

        // Sent with a validity that has passed: opening the list (or here, expire) marks it expired.
        QuoteDetails expired = saved(draft("Safety inspection").withValidUntil(LocalDate.now().minusDays(3)), List.of(
                service("Support", "6"),
                QuoteLine.text("Travel costs are charged separately.")), null);
        quotes.send(expired.id(), expired.version());
        quotes.expire();

        QuoteDetails cancelled = saved(draft("Tooling"), List.of(
                product(ProductType.STOCK, 5, "10"),
                product(ProductType.MATERIAL, 2, "12")), null);
        cancelled = sendAndReload(cancelled);
        quotes.cancel(cancelled.id(), cancelled.version());

        QuoteDetails original = saved(draft("Pump station overhaul"), List.of(
                QuoteLine.text("Pump station"),
                product(ProductType.MANUFACTURED, 4, "1"),
                service("Installation", "20")), null);
        original = sendAndReload(original);
        QuoteDetails revision = quotes.load(quotes.revise(original.id(), original.version()));
        revision = saved(revision, revision.lines(), "5");
        quotes.send(revision.id(), revision.version());
    }

    private QuoteDetails draft(String title) {
        CustomerRow customer = customers.get(nextCustomer++ % customers.size());
        UUID contact = Crm.of(session).contacts().contacts(customer.id()).stream().filter(Contact::primary).map(Contact::id)
                .findFirst().orElse(null);
        return quotes.createDraft(customer.id(), contact, null, title);
    }

    /** A draft for an open deal (its customer and contact), titled like the deal; a plain draft when there is none. */
    private QuoteDetails fromDeal(String title) {
        UUID pipeline = Crm.of(session).deals().defaultPipeline();
        for (BoardColumn column : Crm.of(session).deals().board(pipeline, 1)) {
            if (!column.won() && !column.lost() && !column.deals().isEmpty()) {
                DealCard deal = column.deals().get(0);
                return quotes.createDraftFromDeal(deal.id());
            }
        }
        return draft(title);
    }

    private QuoteDetails saved(QuoteDetails draft, List<QuoteLine> lines, String documentDiscount) {
        QuoteDetails withLines = draft.withLines(lines);
        return quotes.saveDraft(documentDiscount == null ? withLines : withLines.withDocumentDiscount(documentDiscount));
    }

    private QuoteDetails sendAndReload(QuoteDetails draft) {
        quotes.send(draft.id(), draft.version());
        return quotes.load(draft.id());
    }

    private void accept(QuoteDetails draft) {
        QuoteDetails sent = sendAndReload(draft);
        quotes.accept(sent.id(), sent.version());
    }

    /** The {@code index}-th product of a type at its sale price (the service fills it in) and tax rate. */
    private QuoteLine product(ProductType type, int index, String quantity) {
        List<ProductRow> ofType = products.getOrDefault(type, List.of());
        if (ofType.isEmpty()) {
            return QuoteLine.product(null, type.name(), quantity, "pc", "100", "19");
        }
        ProductRow row = ofType.get(index % ofType.size());
        ProductDetails details = Catalog.of(session).products().load(row.id());
        BigDecimal tax = details.taxRateId() == null ? new BigDecimal("19") : taxRates.getOrDefault(details.taxRateId(),
                new BigDecimal("19"));
        return QuoteLine.product(row.id(), row.name(), quantity, row.unitCode(), null, tax.toPlainString());
    }

    /** A service line of a category at the rate the rate cards give this person (the service fills it in). */
    private QuoteLine service(String category, String hours) {
        UUID id = services.stream().filter(s -> s.name().equals(category)).map(ServiceCategory::id).findFirst()
                .orElse(null);
        String price = id == null ? "90" : null;
        return QuoteLine.service(id, category, hours, "h", price, "19");
    }
}
