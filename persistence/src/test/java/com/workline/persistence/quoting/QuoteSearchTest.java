package com.workline.persistence.quoting;

import com.workline.persistence.crm.ScaleDataGenerator;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote list's search and tab totals (V13: the matches come from definer functions planned for the actual pattern)
 * find exactly what the plain rule says: the number or title, or the customer's name, contains the term.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteSearchTest {
    private final TestDatabase db = TestDatabase.get();
    private UUID org;
    private UUID otherOrg;
    private TestPerson viewerPerson;
    private TestPerson stranger;
    private TenantSession viewer;
    private List<String> terms;

    @BeforeAll
    void generate() throws SQLException {
        ScaleDataGenerator crm = new ScaleDataGenerator(db.superuser(), db.roles(), message -> { });
        QuoteDataGenerator quotes = new QuoteDataGenerator(db.superuser(), db.roles(), message -> { });
        org = crm.generate(1, 60, 20, "Quote search " + db.unique()).get(0).organizationId();
        quotes.fill(org, 400);
        otherOrg = crm.generate(1, 20, 8, "Quote search other " + db.unique()).get(0).organizationId();
        quotes.fill(otherOrg, 50);
        viewerPerson = db.newPerson(org, Role.VIEWER);
        stranger = db.newPerson(otherOrg, Role.OWNER);
        viewer = db.signInTo(viewerPerson, org);
        String number = (String) Sql.value(db.superuser(), "SELECT number FROM app.quotes WHERE organization_id = ? "
                + "AND status = 'accepted' ORDER BY number LIMIT 1", org);
        String customerWord = ((String) Sql.value(db.superuser(), "SELECT c.name FROM app.quotes q JOIN app.customers c "
                + "ON c.organization_id = q.organization_id AND c.id = q.customer_id WHERE q.organization_id = ? LIMIT 1", org))
                .split(" ")[1];
        // A number, its year's prefix (common), a word of a customer's name, a word of titles, one letter, LIKE's own
        // characters (taken literally), and a term that matches nothing.
        terms = List.of(number, number.substring(0, 6), customerWord.toUpperCase(), "Conveyor", "a", "%", "_", "zzqx");
    }

    @AfterAll
    void close() {
        viewer.person().close();
    }

    /** The rule: number or title, or the customer's name, contains the term (case-insensitive). */
    private static final String MATCHES = """
            FROM app.quotes q JOIN app.customers c ON c.organization_id = q.organization_id AND c.id = q.customer_id
            WHERE q.organization_id = ? AND q.status = ?
              AND (strpos(q.search_text, lower(?)) > 0 OR strpos(lower(c.name), lower(?)) > 0)""";

    private List<Object> expectedIds(String status, String term) throws SQLException {
        return Sql.rows(db.superuser(), "SELECT q.id " + MATCHES + " ORDER BY q.created_at DESC, q.id DESC", org, status, term, term)
                .stream().map(r -> r.get(0)).toList();
    }

    @Test
    void pagesOfASearchAreWhatContainsTheTermNewestFirst() throws SQLException {
        QuoteService quotes = Quoting.of(viewer).quotes();
        for (String term : terms) {
            for (QuoteStatus status : List.of(QuoteStatus.ACCEPTED, QuoteStatus.EXPIRED, QuoteStatus.DRAFT)) {
                List<Object> found = new ArrayList<>();
                QuoteRow after = null;
                do {
                    QuotePage page = quotes.list(status, term, after, 7);
                    page.rows().forEach(r -> found.add(r.id()));
                    after = page.next();
                } while (after != null);
                assertThat(found).as("%s in %s", term, status).isEqualTo(expectedIds(status.databaseValue(), term));
            }
        }
        assertThat(expectedIds("accepted", terms.get(0))).as("the number is found").hasSize(1);
        assertThat(expectedIds("accepted", "a")).as("one letter finds many").hasSizeGreaterThan(20);
    }

    @Test
    void tabTotalsOfASearchCountAndSumWhatContainsTheTerm() throws SQLException {
        QuoteService quotes = Quoting.of(viewer).quotes();
        for (String term : terms) {
            Map<QuoteStatus, QuoteTabTotal> totals = quotes.tabTotals(term);
            for (QuoteStatus status : QuoteStatus.values()) {
                List<Object> ids = expectedIds(status.databaseValue(), term);
                BigDecimal sum = (BigDecimal) Sql.value(db.superuser(), "SELECT coalesce(sum(q.total), 0) " + MATCHES, org,
                        status.databaseValue(), term, term);
                assertThat(totals.get(status).count()).as("%s in %s", term, status).isEqualTo(ids.size());
                assertThat(totals.get(status).totalInBaseCurrency()).as("%s in %s", term, status).isEqualByComparingTo(sum);
            }
        }
        Map<QuoteStatus, QuoteTabTotal> all = quotes.tabTotals(null);
        assertThat(all.values().stream().mapToLong(QuoteTabTotal::count).sum()).isEqualTo(401);
    }

    @Test
    void theSearchFunctionsAnswerNothingForAnotherOrganization() throws SQLException {
        try (Connection hostile = db.connectAs(stranger)) {
            Sql.selectTenantForSession(hostile, org);
            assertThat(Sql.rows(hostile, "SELECT * FROM sec.quote_search_page('accepted', '%', NULL, NULL, 1000)")).isEmpty();
            assertThat(Sql.rows(hostile, "SELECT * FROM sec.quote_search_totals('%')")).isEmpty();
            // Its own organization: only its own quotes.
            Sql.selectTenantForSession(hostile, otherOrg);
            assertThat(Sql.count(hostile, "SELECT count(*) FROM sec.quote_search_page('accepted', '%', NULL, NULL, 1000) s "
                    + "WHERE s.id IN (SELECT id FROM app.quotes)")).isEqualTo(
                    Sql.count(db.superuser(), "SELECT count(*) FROM app.quotes WHERE organization_id = ? AND status = 'accepted'",
                            otherOrg));
            assertThat(Sql.count(hostile, "SELECT sum(quote_count) FROM sec.quote_search_totals('%')")).isEqualTo(51);
        }
    }
}
