package com.workline.persistence.quoting;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.catalog.ApplicableRate;
import com.workline.persistence.catalog.RateCardService;
import com.workline.persistence.common.Json;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.money.DocumentInput;
import com.workline.persistence.money.DocumentTotals;
import com.workline.persistence.money.ExchangeRate;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.money.LineTotals;
import com.workline.persistence.money.TaxRounding;
import com.workline.persistence.session.Role;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Quotes of one organization: the list by status tab, loading, drafting and saving (totals from the one
 * {@link DocumentCalculator}), and the transitions, which the database's functions perform and check (V10).
 */
public final class QuoteService {
    private static final String COLUMNS = """
            q.id, q.number, q.revision, q.supersedes_id, q.status, q.customer_id, q.contact_id, q.deal_id, q.title,
            q.valid_until, q.currency, q.exchange_rate, q.document_discount_percent, q.tax_rounding, q.subtotal,
            q.discount_amount, q.net, q.tax, q.total, q.terms, q.customer_notes, q.internal_notes, q.sent_at,
            q.accepted_at, q.rejected_at, q.rejection_reason, q.version""";

    private final TenantDatabase db;
    private final UUID userId;
    private final Role role;

    public QuoteService(TenantDatabase db, UUID userId, Role role) {
        this.db = db;
        this.userId = userId;
        this.role = role;
    }

    // ------------------------------------------------------------------------------------------ list

    /** The list's statement: a status tab, newest first, after the keyset (when given). */
    public static final String LIST = """
            SELECT q.id, q.number, q.title, c.name, q.status, q.valid_until, q.currency, q.total, q.created_at
              FROM app.quotes q
              JOIN app.customers c ON c.organization_id = q.organization_id AND c.id = q.customer_id
             WHERE q.organization_id = ? AND q.status = ?
               AND (?::timestamptz IS NULL OR (q.created_at, q.id) < (?::timestamptz, ?::uuid))
             ORDER BY q.created_at DESC, q.id DESC LIMIT ?""";
    /**
     * The same of the quotes whose number or title, or whose customer's name, contains the search: the page's ids come
     * from {@code sec.quote_search_page} (V13), planned for the actual pattern.
     */
    public static final String LIST_SEARCH = """
            SELECT q.id, q.number, q.title, c.name, q.status, q.valid_until, q.currency, q.total, q.created_at
              FROM sec.quote_search_page(?, ?, ?::timestamptz, ?::uuid, ?) s
              JOIN app.quotes q ON q.organization_id = ? AND q.id = s.id
              JOIN app.customers c ON c.organization_id = q.organization_id AND c.id = q.customer_id
             ORDER BY q.created_at DESC, q.id DESC""";

    /** Count and sum of every status tab (read from the covering index quotes_tab_totals). */
    public static final String TAB_TOTALS = """
            SELECT q.status, count(*), coalesce(sum(q.total * coalesce(q.exchange_rate, 1)), 0)
              FROM app.quotes q WHERE q.organization_id = ? GROUP BY q.status""";
    /** The same for the quotes a search finds ({@code sec.quote_search_totals}, V13). */
    public static final String TAB_TOTALS_SEARCH = "SELECT status, quote_count, total_amount FROM sec.quote_search_totals(?)";

    /** A page of a status tab, newest first, optionally filtered by number, title or customer name (contained in). */
    public QuotePage list(QuoteStatus tab, String search, QuoteRow after, int limit) {
        SqlBuilder.Positional statement = listStatement(tab, search, after, limit);
        List<QuoteRow> rows = Jdbc.write(db, c -> Jdbc.list(c, statement.sql(), QuoteService::row,
                statement.parameters().toArray()));
        boolean more = rows.size() > limit;
        List<QuoteRow> page = more ? rows.subList(0, limit) : rows;
        return new QuotePage(List.copyOf(page), more ? page.get(page.size() - 1) : null);
    }

    /**
     * A page of a status tab, newest first, narrowed by {@code filter}. Only a search: the search functions planned for
     * the pattern (fast at 200,000 quotes); with owner, days or customer: one query with those conditions.
     */
    public QuotePage page(QuoteStatus tab, QuoteFilter filter, QuoteRow after, int limit) {
        if (filter.searchOnly()) {
            return list(tab, filter.search(), after, limit);
        }
        Where where = where(filter);
        List<Object> binds = new ArrayList<>(where.binds());
        binds.add(tab.databaseValue());
        binds.add(after == null ? null : after.createdAt());
        binds.add(after == null ? null : after.createdAt());
        binds.add(after == null ? null : after.id());
        binds.add(limit + 1);
        List<QuoteRow> rows = Jdbc.write(db, c -> Jdbc.list(c, """
                        SELECT q.id, q.number, q.title, c.name, q.status, q.valid_until, q.currency, q.total, q.created_at
                          FROM app.quotes q
                          JOIN app.customers c ON c.organization_id = q.organization_id AND c.id = q.customer_id
                         WHERE""" + where.sql() + """
                           AND q.status = ?
                           AND (?::timestamptz IS NULL OR (q.created_at, q.id) < (?::timestamptz, ?::uuid))
                         ORDER BY q.created_at DESC, q.id DESC LIMIT ?""", QuoteService::row, binds.toArray()));
        boolean more = rows.size() > limit;
        List<QuoteRow> page = more ? rows.subList(0, limit) : rows;
        return new QuotePage(List.copyOf(page), more ? page.get(page.size() - 1) : null);
    }

    /** The statement {@link #list} sends (one row more than the page, to know whether another follows). */
    public SqlBuilder.Positional listStatement(QuoteStatus tab, String search, QuoteRow after, int limit) {
        String pattern = pattern(search);
        OffsetDateTime afterCreated = after == null ? null : after.createdAt();
        UUID afterId = after == null ? null : after.id();
        return pattern == null
                ? new SqlBuilder.Positional(LIST, Arrays.asList(db.currentTenant(), tab.databaseValue(), afterCreated, afterCreated,
                        afterId, limit + 1))
                : new SqlBuilder.Positional(LIST_SEARCH, Arrays.asList(tab.databaseValue(), pattern, afterCreated, afterId,
                        limit + 1, db.currentTenant()));
    }

    /** Count and sum (base currency) of every status tab for the same search. */
    public Map<QuoteStatus, QuoteTabTotal> tabTotals(String search) {
        Map<QuoteStatus, QuoteTabTotal> totals = new LinkedHashMap<>();
        for (QuoteStatus status : QuoteStatus.values()) {
            totals.put(status, new QuoteTabTotal(status, 0, BigDecimal.ZERO));
        }
        SqlBuilder.Positional statement = tabTotalsStatement(search);
        Jdbc.write(db, c -> Jdbc.list(c, statement.sql(),
                rs -> totals.put(QuoteStatus.of(rs.getString(1)),
                        new QuoteTabTotal(QuoteStatus.of(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3))),
                statement.parameters().toArray()));
        return totals;
    }

    /** The statement {@link #tabTotals} sends. */
    public SqlBuilder.Positional tabTotalsStatement(String search) {
        String pattern = pattern(search);
        return pattern == null ? new SqlBuilder.Positional(TAB_TOTALS, List.of(db.currentTenant()))
                : new SqlBuilder.Positional(TAB_TOTALS_SEARCH, List.of(pattern));
    }

    /** Count and sum (base currency) of every status tab for the same filter. */
    public Map<QuoteStatus, QuoteTabTotal> totals(QuoteFilter filter) {
        if (filter.searchOnly()) {
            return tabTotals(filter.search());
        }
        Where where = where(filter);
        Map<QuoteStatus, QuoteTabTotal> totals = new LinkedHashMap<>();
        for (QuoteStatus status : QuoteStatus.values()) {
            totals.put(status, new QuoteTabTotal(status, 0, BigDecimal.ZERO));
        }
        Jdbc.write(db, c -> Jdbc.list(c, """
                        SELECT q.status, count(*), coalesce(sum(q.total * coalesce(q.exchange_rate, 1)), 0)
                          FROM app.quotes q
                          JOIN app.customers c ON c.organization_id = q.organization_id AND c.id = q.customer_id
                         WHERE""" + where.sql() + """
                         GROUP BY q.status""",
                rs -> totals.put(QuoteStatus.of(rs.getString(1)),
                        new QuoteTabTotal(QuoteStatus.of(rs.getString(1)), rs.getLong(2), rs.getBigDecimal(3))),
                where.binds().toArray()));
        return totals;
    }

    private record Where(String sql, List<Object> binds) {
    }

    /**
     * The filter as conditions on {@code q} (quotes) and {@code c} (customers); the days are the organization's
     * calendar days, so "created today" means today where the company is.
     */
    private Where where(QuoteFilter filter) {
        String pattern = pattern(filter.search());
        List<Object> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder(" q.organization_id = ?\n");
        binds.add(db.currentTenant());
        if (pattern != null) {
            sql.append("   AND (q.search_text LIKE ? OR lower(c.name) LIKE ?)\n");
            binds.add(pattern);
            binds.add(pattern);
        }
        if (filter.ownerId() != null) {
            sql.append("   AND q.created_by = ?\n");
            binds.add(filter.ownerId());
        }
        if (filter.customerId() != null) {
            sql.append("   AND q.customer_id = ?\n");
            binds.add(filter.customerId());
        }
        if (filter.from() != null) {
            sql.append("   AND q.created_at >= (?::date)::timestamp AT TIME ZONE ")
                    .append("(SELECT o.timezone FROM app.organizations o WHERE o.id = q.organization_id)\n");
            binds.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append("   AND q.created_at < (?::date + 1)::timestamp AT TIME ZONE ")
                    .append("(SELECT o.timezone FROM app.organizations o WHERE o.id = q.organization_id)\n");
            binds.add(filter.to());
        }
        return new Where(sql.toString(), binds);
    }

    /** A customer's quotes in every status, newest first (the customer record's Quotes tab). */
    public List<QuoteRow> forCustomer(UUID customerId, int limit) {
        return Jdbc.write(db, c -> Jdbc.list(c, """
                        SELECT q.id, q.number, q.title, c.name, q.status, q.valid_until, q.currency, q.total, q.created_at
                          FROM app.quotes q
                          JOIN app.customers c ON c.organization_id = q.organization_id AND c.id = q.customer_id
                         WHERE q.organization_id = ? AND q.customer_id = ?
                         ORDER BY q.created_at DESC, q.id DESC LIMIT ?""", QuoteService::row,
                db.currentTenant(), customerId, limit));
    }

    /** The people who created quotes in this organization, for the owner filter. */
    public List<QuoteOwner> ownerChoices() {
        return Jdbc.write(db, c -> Jdbc.list(c, """
                SELECT m.user_id, coalesce(nullif(btrim(m.display_name), ''), m.first_name || ' ' || m.last_name)
                  FROM sec.organization_members m
                 WHERE m.organization_id = ?
                   AND (m.active OR EXISTS (SELECT 1 FROM app.quotes q
                                             WHERE q.organization_id = m.organization_id AND q.created_by = m.user_id))
                 ORDER BY 2, 1""", rs -> new QuoteOwner(rs.getObject(1, UUID.class), rs.getString(2)), db.currentTenant()));
    }

    /**
     * For each of the given deals that has quotes, the quote that speaks for it (see {@link DealQuoteValue}); deals
     * without such a quote are absent. One query for a whole board.
     */
    public Map<UUID, DealQuoteValue> dealQuoteValues(java.util.Collection<UUID> dealIds) {
        Map<UUID, DealQuoteValue> values = new LinkedHashMap<>();
        if (dealIds.isEmpty()) {
            return values;
        }
        Jdbc.write(db, c -> Jdbc.list(c, """
                SELECT d.deal_id, best.id, best.number, best.status, best.currency, best.total, d.quotes
                  FROM (SELECT q.deal_id, count(*) AS quotes FROM app.quotes q
                         WHERE q.organization_id = ? AND q.deal_id = ANY (?) GROUP BY q.deal_id) d
                  CROSS JOIN LATERAL (
                        SELECT q.id, q.number, q.status, q.currency, q.total FROM app.quotes q
                         WHERE q.organization_id = ? AND q.deal_id = d.deal_id
                           AND q.status IN ('accepted', 'sent', 'draft')
                         ORDER BY CASE q.status WHEN 'accepted' THEN 0 WHEN 'sent' THEN 1 ELSE 2 END,
                                  q.created_at DESC, q.id DESC
                         LIMIT 1) best""",
                rs -> values.put(rs.getObject(1, UUID.class), new DealQuoteValue(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), QuoteStatus.of(rs.getString(4)), rs.getString(5),
                        rs.getBigDecimal(6), rs.getInt(7))),
                db.currentTenant(), dealIds.toArray(UUID[]::new), db.currentTenant()));
        return values;
    }

    private static String pattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String escaped = search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static QuoteRow row(ResultSet rs) throws SQLException {
        return new QuoteRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                QuoteStatus.of(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getBigDecimal(8),
                rs.getObject(9, OffsetDateTime.class));
    }

    // ------------------------------------------------------------------------------------------ load

    /** The quote with its lines and history. */
    public QuoteDetails load(UUID id) {
        return Jdbc.write(db, c -> {
            QuoteDetails found = load(c, id);
            if (found == null) {
                throw notFound();
            }
            return found;
        });
    }

    private static final String LINES = """
            SELECT kind, product_id, service_category_id, description, quantity, unit, unit_price, discount_percent,
                   tax_rate_percent, optional, net, tax, gross
              FROM app.quote_lines WHERE organization_id = ? AND quote_id = ? ORDER BY position""";
    private static final String EVENTS = """
            SELECT e.action, e.from_status, e.to_status, e.note, e.related_quote_id, e.changed_by, e.changed_at,
                   coalesce(nullif(btrim(u.display_name), ''), u.first_name || ' ' || u.last_name)
              FROM app.quote_events e
              LEFT JOIN sec.users u ON u.id = e.changed_by
             WHERE e.organization_id = ? AND e.quote_id = ? ORDER BY e.changed_at, e.id""";
    private static final String HEADER = "SELECT " + COLUMNS + " FROM app.quotes q WHERE q.organization_id = ? AND q.id = ?";

    /** The statements {@link #load} sends, in order: lines, history, header. */
    public List<SqlBuilder.Positional> loadStatements(UUID id) {
        List<Object> parameters = List.of(db.currentTenant(), id);
        return List.of(new SqlBuilder.Positional(LINES, parameters), new SqlBuilder.Positional(EVENTS, parameters),
                new SqlBuilder.Positional(HEADER, parameters));
    }

    private QuoteDetails load(Connection c, UUID id) throws SQLException {
        List<QuoteLine> lines = Jdbc.list(c, LINES,
                rs -> new QuoteLine(LineKind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), strip(rs.getBigDecimal(5)), rs.getString(6),
                        strip(rs.getBigDecimal(7)), strip(rs.getBigDecimal(8)), strip(rs.getBigDecimal(9)), rs.getBoolean(10),
                        rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13)),
                db.currentTenant(), id);
        List<QuoteEvent> events = Jdbc.list(c, EVENTS,
                rs -> new QuoteEvent(rs.getString(1), rs.getString(2) == null ? null : QuoteStatus.of(rs.getString(2)),
                        QuoteStatus.of(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getString(8), rs.getObject(7, OffsetDateTime.class)),
                db.currentTenant(), id);
        return Jdbc.one(c, HEADER, rs -> details(rs, lines, events), db.currentTenant(), id);
    }

    private static QuoteDetails details(ResultSet rs, List<QuoteLine> lines, List<QuoteEvent> events) throws SQLException {
        int digits = DocumentCalculator.scale(currency(rs.getString(11)));
        return new QuoteDetails(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getObject(4, UUID.class),
                QuoteStatus.of(rs.getString(5)), rs.getObject(6, UUID.class), rs.getObject(7, UUID.class),
                rs.getObject(8, UUID.class), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11),
                strip(rs.getBigDecimal(12)), strip(rs.getBigDecimal(13)),
                "per_document".equals(rs.getString(14)) ? TaxRounding.PER_DOCUMENT : TaxRounding.PER_LINE,
                money(rs.getBigDecimal(15), digits), money(rs.getBigDecimal(16), digits), money(rs.getBigDecimal(17), digits),
                money(rs.getBigDecimal(18), digits), money(rs.getBigDecimal(19), digits), rs.getString(20), rs.getString(21),
                rs.getString(22), rs.getObject(23, OffsetDateTime.class), rs.getObject(24, OffsetDateTime.class),
                rs.getObject(25, OffsetDateTime.class), rs.getString(26), rs.getInt(27),
                lines.stream().map(l -> l.net() == null ? l : l.withAmounts(money(l.net(), digits), money(l.tax(), digits),
                        money(l.gross(), digits))).toList(), events);
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static BigDecimal money(BigDecimal value, int digits) {
        return value == null ? null : value.setScale(digits, DocumentCalculator.ROUNDING);
    }

    private static Currency currency(String code) {
        return Currency.getInstance(code);
    }

    // ------------------------------------------------------------------------------------------ drafts

    /**
     * A new, empty draft for a customer (contact and deal optional), valid for the organization's default days, with
     * the organization's standard terms.
     */
    public QuoteDetails createDraft(UUID customerId, UUID contactId, UUID dealId, String title) {
        return Jdbc.write(db, c -> {
            UUID id = (UUID) Jdbc.one(c, """
                            INSERT INTO app.quotes (organization_id, customer_id, contact_id, deal_id, title, valid_until,
                                                    currency, tax_rounding, terms)
                            SELECT o.id, ?, ?, ?, ?, (now() AT TIME ZONE o.timezone)::date + o.quote_validity_days,
                                   o.base_currency, o.tax_rounding_mode, o.quote_terms
                              FROM app.organizations o WHERE o.id = ?
                            RETURNING id""", rs -> rs.getObject(1, UUID.class),
                    customerId, contactId, dealId, title, db.currentTenant());
            return load(c, id);
        });
    }

    /** New quote from a deal: its customer, contact and deal, titled like the deal. */
    public QuoteDetails createDraftFromDeal(UUID dealId) {
        Object[] deal = Jdbc.write(db, c -> Jdbc.one(c,
                "SELECT customer_id, contact_id, title FROM app.deals WHERE organization_id = ? AND id = ? AND deleted_at IS NULL",
                rs -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)},
                db.currentTenant(), dealId));
        if (deal == null) {
            throw new WorklineException(Problem.NOT_FOUND, Text.of("crm.deal.notFound"));
        }
        return createDraft((UUID) deal[0], (UUID) deal[1], dealId, (String) deal[2]);
    }

    /**
     * Saves a draft's header and lines (totals computed here with the one calculator; lines without a unit price get
     * the product's price or the applicable rate). If someone saved it since {@code draft.version()}, nothing is
     * written and {@link QuoteConflictException} carries the stored quote; the caller keeps its typed lines.
     */
    public QuoteDetails saveDraft(QuoteDetails draft) {
        List<QuoteLine> priced = new ArrayList<>();
        for (QuoteLine line : draft.lines()) {
            priced.add(line.unitPrice() == null && line.kind() != LineKind.TEXT
                    ? line.withUnitPrice(defaultUnitPrice(line, draft.customerId(), LocalDate.now())) : line);
        }
        return Jdbc.write(db, c -> {
            String base = (String) Jdbc.one(c, BASE_CURRENCY, rs -> rs.getString(1), db.currentTenant());
            // In a foreign currency the rate to the base currency is needed for every total in the base currency.
            new com.workline.persistence.common.ValidationException.Collector()
                    .require(draft.currency().equals(base) || draft.exchangeRate() != null, "exchangeRate",
                            "quoting.quote.exchangeRateRequired", base)
                    .throwIfAny();
            DraftWrite write = draftWrite(draft.withLines(priced), base);
            int changed = Jdbc.update(c, write.header().sql(), write.header().parameters().toArray());
            if (changed == 0) {
                QuoteDetails current = load(c, draft.id());
                if (current == null) {
                    throw notFound();
                }
                if (current.version() != draft.version()) {
                    throw new QuoteConflictException(current);
                }
                if (current.status() != QuoteStatus.DRAFT) {
                    throw new WorklineException(Problem.NOT_ALLOWED, Text.of("quoting.quote.onlyDrafts"));
                }
                throw new WorklineException(Problem.NOT_ALLOWED, Text.of("db.notAllowed"));
            }
            Jdbc.one(c, write.lines().sql(), rs -> null, write.lines().parameters().toArray());
            return load(c, draft.id());
        });
    }

    /** The organization's base currency (what saving a draft reads first). */
    public static final String BASE_CURRENCY = "SELECT base_currency FROM app.organizations WHERE id = ?";
    private static final String SAVE_HEADER = """
            UPDATE app.quotes SET customer_id = ?, contact_id = ?, deal_id = ?, title = ?, valid_until = ?,
                   currency = ?, exchange_rate = ?, document_discount_percent = ?, tax_rounding = ?,
                   subtotal = ?, discount_amount = ?, net = ?, tax = ?, total = ?, terms = ?,
                   customer_notes = ?, internal_notes = ?, version = version + 1
             WHERE organization_id = ? AND id = ? AND version = ? AND status = 'draft'""";
    private static final String REPLACE_LINES = "SELECT app.replace_quote_lines(?, ?, ?::jsonb)";

    /**
     * What saving a draft writes after reading the base currency: the header with its totals and the lines with
     * theirs (the one calculator's), expecting the draft's version.
     */
    public record DraftWrite(SqlBuilder.Positional header, SqlBuilder.Positional lines) {
        /** The same statements expecting another version (the benchmark saves the same draft again and again). */
        public DraftWrite expecting(int version) {
            List<Object> headerParameters = new ArrayList<>(header.parameters());
            headerParameters.set(headerParameters.size() - 1, version);
            List<Object> lineParameters = new ArrayList<>(lines.parameters());
            lineParameters.set(1, version + 1);
            return new DraftWrite(new SqlBuilder.Positional(header.sql(), headerParameters),
                    new SqlBuilder.Positional(lines.sql(), lineParameters));
        }
    }

    /** The statements that save {@code draft}, whose lines all have their prices (see {@link #saveDraft}). */
    public DraftWrite draftWrite(QuoteDetails draft, String baseCurrency) {
        Currency currency = currency(draft.currency());
        ExchangeRate rate = draft.exchangeRate() == null || draft.currency().equals(baseCurrency) ? null
                : new ExchangeRate(currency(baseCurrency), draft.exchangeRate());
        DocumentTotals totals = DocumentCalculator.calculate(new DocumentInput(draft.lines().stream().map(QuoteLine::input).toList(),
                draft.documentDiscountPercent(), draft.taxRounding(), currency, rate));
        SqlBuilder.Positional header = new SqlBuilder.Positional(SAVE_HEADER, Arrays.asList(draft.customerId(), draft.contactId(),
                draft.dealId(), draft.title(), draft.validUntil(), draft.currency(), rate == null ? null : draft.exchangeRate(),
                draft.documentDiscountPercent(), draft.taxRounding() == TaxRounding.PER_DOCUMENT ? "per_document" : "per_line",
                totals.subtotal(), totals.documentDiscount(), totals.net(), totals.tax(), totals.total(), draft.terms(),
                draft.customerNotes(), draft.internalNotes(), db.currentTenant(), draft.id(), draft.version()));
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            QuoteLine line = draft.lines().get(i);
            LineTotals amounts = totals.lines().get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", i + 1);
            row.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
            row.put("product_id", line.productId());
            row.put("service_category_id", line.serviceCategoryId());
            row.put("description", line.description());
            row.put("quantity", line.quantity());
            row.put("unit", line.unit());
            row.put("unit_price", line.unitPrice());
            row.put("discount_percent", line.discountPercent());
            row.put("tax_rate_percent", line.taxRatePercent());
            row.put("optional", line.optional());
            boolean text = line.kind() == LineKind.TEXT;
            row.put("net", text ? null : amounts.net());
            row.put("tax", text ? null : amounts.tax());
            row.put("gross", text ? null : amounts.gross());
            json.add(row);
        }
        return new DraftWrite(header, new SqlBuilder.Positional(REPLACE_LINES,
                Arrays.asList(draft.id(), draft.version() + 1, Json.write(json))));
    }

    /**
     * The unit price a new line starts with: the product's sale price, or the rate applicable to this person for the
     * customer and service category on the date; null when there is none (text lines, no rate).
     */
    public BigDecimal defaultUnitPrice(QuoteLine line, UUID customerId, LocalDate date) {
        if (line.kind() == LineKind.PRODUCT && line.productId() != null) {
            BigDecimal price = Jdbc.write(db, c -> Jdbc.one(c,
                    "SELECT sale_price FROM app.products WHERE organization_id = ? AND id = ?", rs -> rs.getBigDecimal(1),
                    db.currentTenant(), line.productId()));
            return strip(price);
        }
        if (line.kind() == LineKind.SERVICE && line.serviceCategoryId() != null) {
            ApplicableRate rate = new RateCardService(db).applicableRate(customerId, line.serviceCategoryId(), userId, role, date);
            return rate == null ? null : strip(rate.billingRate());
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ settings

    /** The total (base currency) above which only managers and above accept quotes; null: no limit. */
    public BigDecimal acceptanceLimit() {
        return Jdbc.write(db, c -> Jdbc.one(c, "SELECT quote_acceptance_limit FROM app.organizations WHERE id = ?",
                rs -> rs.getBigDecimal(1), db.currentTenant()));
    }

    /** Sets the acceptance limit (owners and admins: the organization settings' own rule; null removes it). */
    public void setAcceptanceLimit(BigDecimal limit) {
        if (limit != null && limit.signum() < 0) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("quoting.quote.acceptanceLimitNegative"));
        }
        int changed = Jdbc.write(db, c -> Jdbc.update(c,
                "UPDATE app.organizations SET quote_acceptance_limit = ?, version = version + 1 WHERE id = ?",
                limit, db.currentTenant()));
        if (changed == 0) {
            throw new WorklineException(Problem.NOT_ALLOWED, Text.of("db.notAllowed"));
        }
    }

    // ------------------------------------------------------------------------------------------ transitions

    /** Sends a draft: the database issues its number (gapless) and records the event. Returns the number. */
    public String send(UUID id, int version) {
        return call("SELECT app.send_quote(?, ?)", rs -> rs.getString(1), id, version);
    }

    public void accept(UUID id, int version) {
        call("SELECT app.accept_quote(?, ?)", rs -> null, id, version);
    }

    public void reject(UUID id, int version, String reason) {
        call("SELECT app.reject_quote(?, ?, ?)", rs -> null, id, version, reason);
    }

    public void cancel(UUID id, int version) {
        call("SELECT app.cancel_quote(?, ?)", rs -> null, id, version);
    }

    /** A new draft revision of a sent or expired quote; once sent it supersedes it and gets its number with "-R<n>". */
    public UUID revise(UUID id, int version) {
        return call("SELECT app.revise_quote(?, ?)", rs -> rs.getObject(1, UUID.class), id, version);
    }

    /** A copy of any quote as a new draft of its own. */
    public UUID duplicate(UUID id) {
        return call("SELECT app.duplicate_quote(?)", rs -> rs.getObject(1, UUID.class), id);
    }

    /** Sent quotes past their validity become expired; returns how many. */
    public int expire() {
        Integer count = call("SELECT app.expire_quotes()", rs -> rs.getInt(1));
        return count == null ? 0 : count;
    }

    private <T> T call(String sql, Jdbc.RowMapper<T> mapper, Object... parameters) {
        return Jdbc.write(db, c -> Jdbc.one(c, sql, mapper, parameters));
    }

    private static WorklineException notFound() {
        return new WorklineException(Problem.NOT_FOUND, Text.of("quoting.quote.notFound"));
    }
}
