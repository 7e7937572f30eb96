package com.workline.persistence.quoting;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.money.DocumentInput;
import com.workline.persistence.money.DocumentTotals;
import com.workline.persistence.money.TaxRounding;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Fixtures;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quotes against the real database: lifecycle, refusals, numbering, the totals guard, conflicts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotingTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private TestPerson managerPerson;
    private TestPerson employeePerson;
    private TestPerson viewerPerson;
    private TenantSession manager;
    private TenantSession employee;
    private TenantSession viewer;
    private UUID customer;
    private UUID deal;
    private UUID product;
    private UUID service;

    @BeforeAll
    void organization() throws SQLException {
        org = db.newOrganization("Quoting");
        managerPerson = db.newPerson(org, Role.MANAGER);
        employeePerson = db.newPerson(org, Role.EMPLOYEE);
        viewerPerson = db.newPerson(org, Role.VIEWER);
        Fixtures.crmDataOf(db, org, managerPerson.userId());
        customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", org);
        deal = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.deals WHERE organization_id = ?", org);
        product = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.products WHERE organization_id = ?", org);
        service = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.service_categories WHERE organization_id = ?", org);
        manager = db.signInTo(managerPerson, org);
        employee = db.signInTo(employeePerson, org);
        viewer = db.signInTo(viewerPerson, org);
    }

    @AfterAll
    void close() {
        manager.person().close();
        employee.person().close();
        viewer.person().close();
    }

    private static Problem problemOf(Throwable e) {
        return ((WorklineException) e).problem();
    }

    private QuoteDetails draftWithLines(QuoteService quotes) {
        QuoteDetails draft = quotes.createDraft(customer, null, null, "Workstations " + db.unique());
        return quotes.saveDraft(draft.withLines(List.of(
                QuoteLine.text("Hardware"),
                QuoteLine.product(product, "Workstation", "2", "pc", "1249.90", "19").withDiscount("5"),
                QuoteLine.product(product, "Cable", "12", "pc", "3.35", "19"),
                QuoteLine.service(service, "Installation", "3.5", "h", "89", "19"),
                QuoteLine.product(product, "Manual", "2", "pc", "24.95", "7"),
                QuoteLine.product(product, "Extended warranty", "1", "pc", "199", "19").asOptional()))
                .withDocumentDiscount("3"));
    }

    private long sqlState(Connection c, String sql, Object... parameters) {
        try {
            return Sql.update(c, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getSQLState() + " " + e.getMessage(), e);
        }
    }

    private void asSuperuser(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            Sql.update(c, sql, parameters);
        }
    }

    private Connection plain(TestPerson person) throws SQLException {
        Connection c = db.connectAs(person);
        Sql.selectTenantForSession(c, org);
        return c;
    }

    // ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("from a deal: draft, totals of the one calculator, send with a number, accept marks the deal won")
    void lifecycleFromDeal() throws SQLException {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails draft = quotes.createDraftFromDeal(deal);
        assertThat(draft.customerId()).isEqualTo(customer);
        assertThat(draft.contactId()).isNotNull();
        assertThat(draft.dealId()).isEqualTo(deal);
        assertThat(draft.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(draft.number()).isNull();
        assertThat(draft.validUntil()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(30));

        QuoteDetails saved = quotes.saveDraft(draft.withLines(List.of(
                QuoteLine.text("Hardware"),
                QuoteLine.product(product, "Workstation", "2", "pc", "1249.90", "19").withDiscount("5"),
                QuoteLine.product(product, "Cable", "12", "pc", "3.35", "19"),
                QuoteLine.product(product, "Default price", "1", "pc", null, "19"),
                QuoteLine.service(service, "Consulting at the card's rate", "2", "h", null, "19"),
                QuoteLine.product(product, "Manual", "2", "pc", "24.95", "7"),
                QuoteLine.product(product, "Extended warranty", "1", "pc", "199", "19").asOptional()))
                .withDocumentDiscount("3"));
        assertThat(saved.lines()).hasSize(7);
        assertThat(saved.lines().get(3).unitPrice()).as("the product's price").isEqualByComparingTo("120");
        assertThat(saved.lines().get(4).unitPrice()).as("the rate card's rate").isEqualByComparingTo("150");
        DocumentTotals expected = DocumentCalculator.calculate(new DocumentInput(saved.lines().stream().map(QuoteLine::input).toList(),
                saved.documentDiscountPercent(), TaxRounding.PER_LINE, Currency.getInstance("EUR"), null));
        assertThat(saved.subtotal()).isEqualTo(expected.subtotal());
        assertThat(saved.discountAmount()).isEqualTo(expected.documentDiscount());
        assertThat(saved.net()).isEqualTo(expected.net());
        assertThat(saved.tax()).isEqualTo(expected.tax());
        assertThat(saved.total()).isEqualTo(expected.total());
        assertThat(saved.lines().get(1).net()).isEqualTo(new java.math.BigDecimal("2374.81"));

        String number = quotes.send(saved.id(), saved.version());
        assertThat(number).matches("Q-" + Year.now(ZoneId.of("Europe/Berlin")) + "-\\d{5}");
        QuoteDetails sent = quotes.load(saved.id());
        assertThat(sent.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(sent.number()).isEqualTo(number);
        assertThat(sent.events()).extracting(QuoteEvent::action).containsExactly("created", "sent");
        assertThat(sent.events().get(1).changedBy()).isEqualTo(employeePerson.userId());
        var document = QuoteDocuments.toBusinessDocument(sent, com.workline.persistence.documents.Party.of("Seller"),
                com.workline.persistence.documents.Party.of("Buyer"), LocalDate.now(), "DRAFT");
        assertThat(document.number()).isEqualTo(number);
        assertThat(document.total()).isEqualTo(sent.total());
        assertThat(document.taxSummary()).hasSize(2);
        assertThat(new com.workline.persistence.documents.PdfRenderer().render(document,
                com.workline.persistence.documents.Branding.plain(), java.util.Locale.GERMANY)).isNotEmpty();

        // A sent quote cannot be edited, not even with plain SQL.
        try (Connection c = plain(employeePerson)) {
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quotes SET title = 'Changed' WHERE id = ?", sent.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("WL002"));
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quote_lines SET unit_price = 1 WHERE quote_id = ?", sent.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> Sql.value(c, "SELECT app.replace_quote_lines(?, ?, '[]')", sent.id(), sent.version()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("WL002"));
        }
        assertThatThrownBy(() -> quotes.saveDraft(sent.withTitle("Changed")))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));

        // Above the organization's limit an employee cannot accept; a manager can, and the deal is won.
        assertThatThrownBy(() -> quotes.setAcceptanceLimit(new java.math.BigDecimal("1000")))
                .as("organization settings are for owners and admins")
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        TestPerson adminPerson = db.newPerson(org, Role.ADMIN);
        TenantSession admin = db.signInTo(adminPerson, org);
        try {
            Quoting.of(admin).quotes().setAcceptanceLimit(new java.math.BigDecimal("1000"));
        } finally {
            admin.person().close();
        }
        assertThat(quotes.acceptanceLimit()).isEqualByComparingTo("1000");
        assertThatThrownBy(() -> quotes.accept(sent.id(), sent.version()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        Quoting.of(manager).quotes().accept(sent.id(), sent.version());
        QuoteDetails accepted = quotes.load(sent.id());
        assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(accepted.acceptedAt()).isNotNull();
        assertThat(accepted.events()).extracting(QuoteEvent::action).containsExactly("created", "sent", "accepted");
        assertThat(Sql.value(db.superuser(), "SELECT status FROM app.deals WHERE organization_id = ? AND id = ?", org, deal))
                .isEqualTo("won");
        // ... and on the board it stands in its pipeline's won stage.
        assertThat(Sql.value(db.superuser(), """
                SELECT s.is_won FROM app.deals d JOIN app.pipeline_stages s ON s.organization_id = d.organization_id
                                                                     AND s.id = d.stage_id
                 WHERE d.organization_id = ? AND d.id = ?""", org, deal)).isEqualTo(true);
        asSuperuser("UPDATE app.organizations SET quote_acceptance_limit = NULL WHERE id = ?", org);
        assertThatThrownBy(() -> quotes.cancel(accepted.id(), accepted.version()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
    }

    @Test
    @DisplayName("viewers change nothing, neither through the service nor with plain SQL")
    void viewersCannotChangeQuotes() throws SQLException {
        QuoteDetails draft = draftWithLines(Quoting.of(employee).quotes());
        QuoteService asViewer = Quoting.of(viewer).quotes();
        assertThat(asViewer.load(draft.id()).title()).isEqualTo(draft.title());
        assertThatThrownBy(() -> asViewer.createDraft(customer, null, null, "Viewer's"))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> asViewer.saveDraft(draft.withTitle("Viewer's")))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> asViewer.send(draft.id(), draft.version()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThatThrownBy(() -> asViewer.duplicate(draft.id()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        try (Connection c = plain(viewerPerson)) {
            assertThat(Sql.update(c, "UPDATE app.quotes SET title = 'Viewer''s' WHERE id = ?", draft.id())).isZero();
        }
        assertThat(Quoting.of(employee).quotes().load(draft.id()).version()).isEqualTo(draft.version());
    }

    @Test
    @DisplayName("an employee's plain SQL can neither change a status or number nor insert a sent quote")
    void statusOnlyThroughFunctions() throws SQLException {
        QuoteDetails draft = draftWithLines(Quoting.of(employee).quotes());
        try (Connection c = plain(employeePerson)) {
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quotes SET status = 'sent' WHERE id = ?", draft.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("WL002"));
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quotes SET status = 'accepted' WHERE id = ?", draft.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("WL002"));
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.quotes (organization_id, customer_id, title, status, number, "
                    + "sent_at, valid_until, currency) VALUES (?, ?, 'Forged', 'sent', 'Q-FORGED', now(), current_date, 'EUR')", org, customer))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("WL002"));
            assertThatThrownBy(() -> Sql.update(c, "INSERT INTO app.quote_events (organization_id, quote_id, action, to_status) "
                    + "VALUES (?, ?, 'accepted', 'accepted')", org, draft.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    @DisplayName("a person of another organization reaches no quote through the functions, even selecting this organization")
    void otherOrganizationsCannotActOnQuotes() throws SQLException {
        QuoteDetails draft = draftWithLines(Quoting.of(employee).quotes());
        UUID other = db.newOrganization("Other");
        TestPerson stranger = db.newPerson(other, Role.OWNER);
        for (UUID tenant : List.of(org, other)) {
            try (Connection c = db.connectAs(stranger)) {
                Sql.selectTenantForSession(c, tenant);
                for (String call : List.of("SELECT app.send_quote(?, 0)", "SELECT app.accept_quote(?, 0)",
                        "SELECT app.cancel_quote(?, 0)", "SELECT app.revise_quote(?, 0)", "SELECT app.duplicate_quote(?)",
                        "SELECT app.replace_quote_lines(?, 0, '[]')")) {
                    assertThatThrownBy(() -> Sql.value(c, call, draft.id())).as(call)
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isIn("WL001", "WL003"));
                }
                assertThat(Sql.value(c, "SELECT count(*) FROM app.quotes")).isEqualTo(0L);
            }
        }
        QuoteDetails after = Quoting.of(employee).quotes().load(draft.id());
        assertThat(after.version()).isEqualTo(draft.version());
        assertThat(after.lines()).isEqualTo(draft.lines());
    }

    @Test
    @DisplayName("stored totals that do not add up are refused, whoever writes them")
    void totalsGuard() throws SQLException {
        QuoteDetails draft = draftWithLines(Quoting.of(employee).quotes());
        try (Connection c = plain(employeePerson)) {
            // total <> net + tax: the row check
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quotes SET total = total + 1 WHERE id = ?", draft.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
            // consistent among themselves, but not the sum of the lines: the guard at commit
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quotes SET subtotal = subtotal + 1, net = net + 1, total = total + 1 "
                    + "WHERE id = ?", draft.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.quotes SET tax = tax + 0.05, total = total + 0.05 WHERE id = ?", draft.id()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
            // lines through the function with a wrong line amount
            assertThatThrownBy(() -> Sql.value(c, "SELECT app.replace_quote_lines(?, ?, ?::jsonb)", draft.id(), draft.version(),
                    "[{\"position\": 1, \"kind\": \"product\", \"quantity\": 1, \"unit_price\": 10, \"tax_rate_percent\": 19, "
                            + "\"net\": 10, \"tax\": 1.90, \"gross\": 11.90}]"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
        }
        assertThat(Quoting.of(employee).quotes().load(draft.id()).total()).isEqualTo(draft.total());
    }

    @Test
    @DisplayName("two people save one draft: the second gets the conflict with the stored quote and keeps its lines")
    void concurrentDraftSaves() {
        QuoteService first = Quoting.of(employee).quotes();
        QuoteService second = Quoting.of(manager).quotes();
        QuoteDetails loaded = draftWithLines(first);
        QuoteDetails secondCopy = second.load(loaded.id());
        first.saveDraft(loaded.withTitle("First's title"));
        QuoteDetails typed = secondCopy.withLines(List.of(QuoteLine.product(product, "Typed", "3", "pc", "10", "19")));
        assertThatThrownBy(() -> second.saveDraft(typed))
                .isInstanceOfSatisfying(QuoteConflictException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.CONFLICT);
                    assertThat(e.current().title()).isEqualTo("First's title");
                    assertThat(e.current().lines()).hasSize(6);
                });
        assertThat(typed.lines()).extracting(QuoteLine::description).containsExactly("Typed");
        // The editor keeps the typed lines and saves them onto the stored version once the person decides to.
        QuoteDetails stored = second.load(loaded.id());
        QuoteDetails retried = second.saveDraft(stored.withLines(typed.lines()));
        assertThat(retried.title()).isEqualTo("First's title");
        assertThat(retried.lines()).extracting(QuoteLine::description).containsExactly("Typed");
        assertThat(retried.total()).as("30.00 - 3 % + 19 % tax").isEqualByComparingTo("34.63");
    }

    @Test
    @DisplayName("ten clients sending at once get consecutive numbers; a rolled-back send gives its number back")
    void gaplessNumbers() throws Exception {
        UUID own = db.newOrganization("Numbers");
        TestPerson clerk = db.newPerson(own, Role.EMPLOYEE);
        Fixtures.crmDataOf(db, own, clerk.userId());
        UUID ownCustomer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ?", own);
        List<TenantSession> sessions = new ArrayList<>();
        List<QuoteDetails> drafts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TenantSession s = db.signInWithOneConnection(clerk, own);
            sessions.add(s);
            QuoteService quotes = Quoting.of(s).quotes();
            drafts.add(quotes.saveDraft(quotes.createDraft(ownCustomer, null, null, "Parallel " + i)
                    .withLines(List.of(QuoteLine.product(null, "Thing", "1", "pc", "10", "19")))));
        }
        try {
            // A send that is rolled back (a later step of the same transaction fails) gives its number back.
            try (Connection c = db.connectAs(clerk)) {
                c.setAutoCommit(false);
                Sql.value(c, "SELECT set_config('app.tenant_id', ?, true)", own.toString());
                assertThat(Sql.value(c, "SELECT app.send_quote(?, ?)", drafts.get(0).id(), drafts.get(0).version()))
                        .isEqualTo("Q-" + Year.now(ZoneId.of("Europe/Berlin")) + "-00001");
                assertThatThrownBy(() -> Sql.value(c, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
                c.rollback();
            }
            ExecutorService executor = Executors.newFixedThreadPool(10);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                QuoteService quotes = Quoting.of(sessions.get(i)).quotes();
                QuoteDetails d = drafts.get(i);
                numbers.add(executor.submit(() -> {
                    start.await();
                    return quotes.send(d.id(), d.version());
                }));
            }
            start.countDown();
            List<String> taken = new ArrayList<>();
            for (Future<String> n : numbers) {
                taken.add(n.get());
            }
            executor.shutdown();
            Collections.sort(taken);
            String year = Year.now(ZoneId.of("Europe/Berlin")).toString();
            assertThat(taken).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, 10).mapToObj(n -> String.format("Q-%s-%05d", year, n)).toList());
        } finally {
            sessions.forEach(s -> s.person().close());
        }
    }

    @Test
    @DisplayName("a revision supersedes the sent quote once sent and keeps its number with -R2; duplicates are new drafts")
    void reviseAndDuplicate() {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails draft = draftWithLines(quotes);
        String number = quotes.send(draft.id(), draft.version());
        QuoteDetails sent = quotes.load(draft.id());
        assertThatThrownBy(() -> quotes.revise(sent.id(), sent.version() - 1))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.CONFLICT));
        UUID revisionId = quotes.revise(sent.id(), sent.version());
        assertThatThrownBy(() -> quotes.revise(sent.id(), sent.version()))
                .as("one open revision at a time").satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        QuoteDetails revision = quotes.load(revisionId);
        assertThat(revision.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(revision.revision()).isEqualTo(2);
        assertThat(revision.supersedesId()).isEqualTo(sent.id());
        assertThat(revision.number()).isNull();
        assertThat(revision.lines()).isEqualTo(sent.lines());
        assertThat(revision.events()).extracting(QuoteEvent::action).containsExactly("revised");

        QuoteDetails changed = quotes.saveDraft(revision.withLines(List.of(QuoteLine.product(product, "Only this", "1", "pc", "99", "19"))));
        assertThat(quotes.send(changed.id(), changed.version())).isEqualTo(number + "-R2");
        assertThat(quotes.load(sent.id()).status()).isEqualTo(QuoteStatus.SUPERSEDED);
        assertThat(quotes.load(sent.id()).events()).extracting(QuoteEvent::action).containsExactly("created", "sent", "superseded");

        UUID copyId = quotes.duplicate(sent.id());
        QuoteDetails copy = quotes.load(copyId);
        assertThat(copy.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(copy.number()).isNull();
        assertThat(copy.revision()).isEqualTo(1);
        assertThat(copy.lines()).isEqualTo(sent.lines());
        assertThat(copy.total()).isEqualTo(sent.total());
        assertThat(copy.events()).extracting(QuoteEvent::action).containsExactly("duplicated");
    }

    @Test
    @DisplayName("reject needs a reason; cancel; sent quotes past their validity expire, once")
    void rejectCancelExpire() {
        QuoteService quotes = Quoting.of(employee).quotes();
        QuoteDetails a = draftWithLines(quotes);
        quotes.send(a.id(), a.version());
        QuoteDetails sentA = quotes.load(a.id());
        assertThatThrownBy(() -> quotes.reject(sentA.id(), sentA.version(), "  "))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        quotes.reject(sentA.id(), sentA.version(), "Too expensive");
        QuoteDetails rejected = quotes.load(a.id());
        assertThat(rejected.status()).isEqualTo(QuoteStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("Too expensive");
        assertThat(rejected.events().get(rejected.events().size() - 1).note()).isEqualTo("Too expensive");

        QuoteDetails b = draftWithLines(quotes);
        quotes.cancel(b.id(), b.version());
        assertThat(quotes.load(b.id()).status()).isEqualTo(QuoteStatus.CANCELLED);
        assertThat(quotes.load(b.id()).number()).isNull();

        QuoteDetails c = draftWithLines(quotes);
        QuoteDetails old = quotes.saveDraft(c.withValidUntil(LocalDate.now().minusDays(3)));
        quotes.send(old.id(), old.version());
        QuoteDetails sentC = quotes.load(old.id());
        assertThatThrownBy(() -> quotes.accept(sentC.id(), sentC.version()))
                .satisfies(e -> assertThat(problemOf(e)).isEqualTo(Problem.NOT_ALLOWED));
        assertThat(Quoting.of(viewer).quotes().expire()).isGreaterThanOrEqualTo(1);
        assertThat(quotes.load(old.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(quotes.expire()).isZero();
        assertThat(quotes.load(old.id()).events()).extracting(QuoteEvent::action).containsExactly("created", "sent", "expired");

        assertThat(quotes.tabTotals(null).get(QuoteStatus.EXPIRED).count()).isGreaterThanOrEqualTo(1);
        QuotePage page = quotes.list(QuoteStatus.EXPIRED, sentC.number(), null, 10);
        assertThat(page.rows()).extracting(QuoteRow::id).containsExactly(old.id());
        assertThat(quotes.list(QuoteStatus.DRAFT, "Alpha Secret", null, 1).rows()).hasSize(1);
    }
    @Test
    @DisplayName("the list filters by owner, creation day and customer; deal cards get the quote that speaks for the deal")
    void filtersAndDealValues() {
        QuoteService byEmployee = Quoting.of(employee).quotes();
        QuoteService byManager = Quoting.of(manager).quotes();
        String tag = "Filter " + db.unique();
        UUID deal = com.workline.persistence.crm.Crm.of(manager).deals().create(tag, customer, new java.math.BigDecimal("1000"),
                "EUR", null);
        QuoteDetails mine = byEmployee.createDraft(customer, null, deal, tag + " mine");
        QuoteDetails theirs = byManager.createDraft(customer, null, deal, tag + " theirs");
        QuoteFilter search = QuoteFilter.search(tag);

        assertThat(byManager.page(QuoteStatus.DRAFT, search.withOwner(employeePerson.userId()), null, 10).rows())
                .extracting(QuoteRow::id).containsExactly(mine.id());
        assertThat(byManager.totals(search.withOwner(managerPerson.userId())).get(QuoteStatus.DRAFT).count()).isEqualTo(1);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(byManager.page(QuoteStatus.DRAFT, search.createdBetween(today.minusDays(1), today.plusDays(1)), null, 10)
                .rows()).hasSize(2);
        assertThat(byManager.page(QuoteStatus.DRAFT, search.createdBetween(today.plusDays(2), null), null, 10).rows()).isEmpty();
        assertThat(byManager.page(QuoteStatus.DRAFT, search.createdBetween(null, today.minusDays(2)), null, 10).rows()).isEmpty();
        assertThat(byManager.page(QuoteStatus.DRAFT, QuoteFilter.ofCustomer(customer), null, 500).rows())
                .extracting(QuoteRow::id).contains(mine.id(), theirs.id());
        assertThat(byManager.forCustomer(customer, 1000)).extracting(QuoteRow::id).contains(mine.id(), theirs.id());
        assertThat(byManager.ownerChoices()).extracting(QuoteOwner::id)
                .contains(employeePerson.userId(), managerPerson.userId());

        // The newest draft speaks for the deal until one is sent; an accepted quote beats every other.
        QuoteDetails priced = byEmployee.saveDraft(mine.withLines(List.of(QuoteLine.product(product, "Workstation", "1", "pc",
                "100", "19"))));
        assertThat(byManager.dealQuoteValues(List.of(deal)).get(deal).quoteId()).isEqualTo(theirs.id());
        byEmployee.send(priced.id(), priced.version());
        DealQuoteValue value = byManager.dealQuoteValues(List.of(deal, UUID.randomUUID())).get(deal);
        assertThat(value.quoteId()).isEqualTo(mine.id());
        assertThat(value.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(value.total()).isEqualByComparingTo("119");
        assertThat(value.quotes()).isGreaterThanOrEqualTo(2);
        assertThat(byManager.dealQuoteValues(List.of())).isEmpty();

        // Another organization's deal ids give nothing away.
        UUID otherOrg = db.newOrganization("Quoting other");
        TestPerson stranger = db.newPerson(otherOrg, Role.OWNER);
        TenantSession strangerSession = db.signInTo(stranger, otherOrg);
        try {
            assertThat(Quoting.of(strangerSession).quotes().dealQuoteValues(List.of(deal))).isEmpty();
            assertThat(Quoting.of(strangerSession).quotes().page(QuoteStatus.SENT, QuoteFilter.ofCustomer(customer), null, 10)
                    .rows()).isEmpty();
        } finally {
            strangerSession.person().close();
        }

        // The history names the person.
        assertThat(byManager.load(mine.id()).events()).extracting(QuoteEvent::changedByName).doesNotContainNull();
    }
}
