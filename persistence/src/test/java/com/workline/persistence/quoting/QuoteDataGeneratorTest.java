package com.workline.persistence.quoting;

import com.workline.persistence.crm.ScaleDataGenerator;
import com.workline.persistence.documents.Party;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.numbering.NumberFormatPattern;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generated quotes (scale data): they pass the totals guard, and numbering stays gapless for the next real send. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteDataGeneratorTest {
    private static final int QUOTES = 600;
    /** The title of the quote the numbering test sends after generating. */
    private static final String AFTER = "After the generator";
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private QuoteDataGenerator.Result result;
    private TenantSession manager;

    @BeforeAll
    void generate() {
        org = new ScaleDataGenerator(db.superuser(), db.roles(), message -> { })
                .generate(1, 80, 40, "Quote scale " + db.unique()).get(0).organizationId();
        result = new QuoteDataGenerator(db.superuser(), db.roles(), message -> { }).fill(org, QUOTES);
        TestPerson person = db.newPerson(org, Role.MANAGER);
        manager = db.signInTo(person, org);
    }

    @AfterAll
    void close() {
        manager.person().close();
    }

    @Test
    void everyGeneratedQuotePassesTheTotalsGuard() throws SQLException {
        assertThat(result.quotes()).isEqualTo(QUOTES + 1);
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM app.quotes WHERE organization_id = ? AND title <> ?", org,
                AFTER)).isEqualTo(QUOTES + 1);
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM app.quote_lines WHERE organization_id = ?", org))
                .isEqualTo(result.lines());
        try (Connection c = db.superuser().getConnection()) {
            c.setAutoCommit(false);
            Sql.execute(c, "SET LOCAL ROLE " + db.roles().owner());
            // Touching every header and line queues the deferred guard for each quote (the generator's COPY skipped it).
            assertThat(Sql.update(c, "UPDATE app.quotes SET version = version WHERE organization_id = ?", org))
                    .isGreaterThanOrEqualTo(QUOTES + 1);
            Sql.update(c, "UPDATE app.quote_lines SET version = version WHERE organization_id = ?", org);
            c.commit();

            // The guard does look: a total off by a cent is refused at commit.
            Sql.execute(c, "SET LOCAL ROLE " + db.roles().owner());
            Sql.update(c, "UPDATE app.quotes SET tax = tax + 0.01, total = total + 0.01 WHERE organization_id = ? AND id = "
                    + "(SELECT id FROM app.quotes WHERE organization_id = ? AND status = 'accepted' LIMIT 1)", org, org);
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        }
    }

    @Test
    void quotesOfEveryStatusWithLinesOfEveryKindAndTheirHistory() throws SQLException {
        QuoteService quotes = Quoting.of(manager).quotes();
        Map<QuoteStatus, QuoteTabTotal> tabs = quotes.tabTotals(null);
        assertThat(tabs.values()).allSatisfy(tab -> assertThat(tab.count()).as(tab.status().name()).isPositive());
        assertThat(tabs.values().stream().mapToLong(QuoteTabTotal::count).sum())
                .isEqualTo(Sql.count(db.superuser(), "SELECT count(*) FROM app.quotes WHERE organization_id = ?", org));
        assertThat(tabs.get(QuoteStatus.ACCEPTED).count()).isGreaterThan(tabs.get(QuoteStatus.CANCELLED).count());
        assertThat(quotes.expire()).as("every sent quote is still valid").isZero();

        assertThat(Sql.rows(db.superuser(), "SELECT DISTINCT kind FROM app.quote_lines WHERE organization_id = ?", org))
                .extracting(r -> r.get(0)).containsExactlyInAnyOrder("product", "service", "text");
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM app.quotes WHERE organization_id = ? AND status = 'rejected' "
                + "AND rejection_reason IS NULL", org)).isZero();
        // Revisions: "-R2" on the chain's number, superseding a quote whose history names it.
        List<List<Object>> revisions = Sql.rows(db.superuser(), "SELECT r.number, o.number, o.status, "
                + "(SELECT count(*) FROM app.quote_events e WHERE e.organization_id = o.organization_id AND e.quote_id = o.id "
                + "AND e.action = 'superseded' AND e.related_quote_id = r.id) FROM app.quotes r JOIN app.quotes o "
                + "ON o.organization_id = r.organization_id AND o.id = r.supersedes_id WHERE r.organization_id = ?", org);
        assertThat(revisions).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get(0)).isEqualTo(r.get(1) + "-R2");
            assertThat(r.get(2)).isEqualTo("superseded");
            assertThat(r.get(3)).isEqualTo(1L);
        });
        // Every quote starts with one creation event; every numbered one was sent with its number.
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM app.quotes q WHERE q.organization_id = ? AND 1 <> "
                + "(SELECT count(*) FROM app.quote_events e WHERE e.organization_id = q.organization_id AND e.quote_id = q.id "
                + "AND e.action IN ('created', 'revised'))", org)).isZero();
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM app.quotes q WHERE q.organization_id = ? AND q.title <> ? AND q.number IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM app.quote_events e WHERE e.organization_id = q.organization_id AND e.quote_id = q.id "
                + "AND e.action = 'sent' AND e.note = q.number AND e.changed_at = q.sent_at)", org, AFTER)).isZero();

        // The benchmark's draft: 200 lines, opened and printed with the calculator's totals.
        UUID benchId = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.quotes WHERE organization_id = ? AND title = ?", org,
                QuoteDataGenerator.BENCH_QUOTE_TITLE);
        QuoteDetails bench = quotes.load(benchId);
        assertThat(bench.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(bench.lines()).hasSize(QuoteDataGenerator.BENCH_QUOTE_LINES)
                .extracting(QuoteLine::kind).contains(LineKind.PRODUCT, LineKind.SERVICE, LineKind.TEXT);
        Party party = new Party("Seller", null, List.of(), null, null, null);
        assertThat(QuoteDocuments.toBusinessDocument(bench, party, party, LocalDate.now(), "Draft").lines()).hasSize(200);
        assertThat(quotes.saveDraft(bench).total()).isEqualByComparingTo(bench.total());
    }

    @Test
    void numbersAreGaplessPerYearInSendingOrderAndTheNextSendContinues() throws SQLException {
        // Base numbers (first revisions) by year, in the order the quotes were sent.
        Map<Integer, List<Long>> byYear = new TreeMap<>();
        for (List<Object> row : Sql.rows(db.superuser(), "SELECT number FROM app.quotes WHERE organization_id = ? AND revision = 1 "
                + "AND number IS NOT NULL ORDER BY sent_at", org)) {
            String[] parts = ((String) row.get(0)).split("-");
            assertThat(parts).hasSize(3);
            byYear.computeIfAbsent(Integer.parseInt(parts[1]), y -> new ArrayList<>()).add(Long.parseLong(parts[2]));
        }
        assertThat(byYear).hasSizeGreaterThanOrEqualTo(3);
        for (Map.Entry<Integer, List<Long>> year : byYear.entrySet()) {
            List<Long> numbers = year.getValue();
            assertThat(numbers).as("year %d in sending order", year.getKey())
                    .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().collect(Collectors.toList()));
            assertThat(Sql.value(db.superuser(), "SELECT next_value FROM app.number_series WHERE organization_id = ? "
                    + "AND kind = 'quote' AND year = ?", org, year.getKey())).isEqualTo(numbers.size() + 1L);
        }

        QuoteService quotes = Quoting.of(manager).quotes();
        UUID customer = (UUID) Sql.value(db.superuser(), "SELECT id FROM app.customers WHERE organization_id = ? LIMIT 1", org);
        QuoteDetails draft = quotes.createDraft(customer, null, null, AFTER);
        draft = quotes.saveDraft(draft.withLines(List.of(QuoteLine.product(null, "Part", "2", "pc", "10", "19"))));
        int year = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
        long next = byYear.getOrDefault(year, List.of()).size() + 1L;
        assertThat(quotes.send(draft.id(), draft.version())).isEqualTo(NumberFormatPattern.format("Q-{yyyy}-{seq:5}", year, next));
    }
}
