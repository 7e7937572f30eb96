package com.workline.persistence.quoting;

import com.workline.persistence.db.BulkLoad;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.money.DocumentInput;
import com.workline.persistence.money.DocumentTotals;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.money.LineTotals;
import com.workline.persistence.money.TaxRounding;
import com.workline.persistence.numbering.NumberFormatPattern;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Quotes at scale for benchmarks and load tests, written with COPY in batches as the owner role (like the CRM's
 * scale data), for an organization that already has customers and a catalog. Over the last three years: quotes
 * younger than their validity are mostly drafts and sent ones, older ones accepted, rejected (with a reason), expired,
 * cancelled or superseded by a sent revision ("-R2"); 1–30 lines each of every kind (products at their sale price,
 * services at the default rate card's rate, section headings and texts; some line discounts, optional lines and
 * document discounts). The amounts come from the one {@link DocumentCalculator}, so every quote passes the database's
 * totals guard; the numbers are issued in the order the quotes were sent, per year of the organization's format, and
 * the number series is left at the next free number, so the next real send continues without a gap. Each quote has
 * its history (created, sent, and how it ended). One more quote, a draft of {@value #BENCH_QUOTE_LINES} lines titled
 * {@value #BENCH_QUOTE_TITLE}, is what {@code workline admin bench quoting} opens, recalculates, saves and prints.
 */
public final class QuoteDataGenerator {
    public static final String BENCH_QUOTE_TITLE = "Benchmark: 200 lines";
    public static final int BENCH_QUOTE_LINES = 200;
    /** Quotes per COPY batch (about 70,000 lines). */
    private static final int BATCH = 5_000;
    private static final int YEARS = 3;

    private static final String[] SUBJECT = {"Workshop equipment", "Conveyor upgrade", "Annual maintenance", "Spare parts",
            "Control cabinet retrofit", "Assembly line extension", "Welding station", "Safety inspection", "Tooling",
            "Packaging machine", "Pump station overhaul", "Sensor retrofit", "Training and commissioning", "Cable harnesses"};
    private static final String[] SECTION = {"Hardware", "Materials", "Installation", "Services", "Options", "Spare parts"};
    private static final String[] NOTE = {"Delivery within three weeks after the order.", "Prices ex works.",
            "Installation on site during regular working hours.", "Travel costs are charged separately."};
    private static final String[] SERVICE_WORK = {"planning", "on site", "remote", "commissioning", "documentation"};
    private static final String[] REASON = {"Price too high", "Went with a competitor", "Project postponed", "Budget cut",
            "Delivery time too long"};

    private final DataSource admin;
    private final RoleNames roles;
    private final Consumer<String> progress;
    private final SplittableRandom random = new SplittableRandom(11);

    public QuoteDataGenerator(DataSource admin, RoleNames roles, Consumer<String> progress) {
        this.admin = admin;
        this.roles = roles;
        this.progress = progress;
    }

    /** The default number of quotes for scale data: one per five customers. */
    public static int quotesFor(int customers) {
        return customers / 5;
    }

    /** What was written: quotes (with the benchmark's draft), their lines and history events. */
    public record Result(int quotes, long lines, long events, long millis) {
    }

    /** Something a line can sell: a product (its unit, price and tax rate) or a service category (its rate). */
    private record Sellable(UUID id, String name, String unit, BigDecimal price, BigDecimal taxPercent) {
    }

    /** A customer with the contact and deal its quotes refer to (either may be null). */
    private record Buyer(UUID id, UUID contact, UUID deal) {
    }

    /** The organization's settings and what its quotes refer to. */
    private record Basics(String numberFormat, ZoneId zone, int validityDays, TaxRounding taxRounding, Currency currency,
                          BigDecimal defaultTax, List<Buyer> buyers, List<Sellable> products, List<Sellable> services) {
    }

    /** One quote's header before it is written; the lines follow from {@link #seed}. */
    private static final class Quote {
        UUID id;
        Quote supersedes;
        Quote revisedBy;
        Buyer buyer;
        String title;
        String status;
        Instant created;
        Instant sent;
        Instant ended;
        LocalDate validUntil;
        String reason;
        BigDecimal documentDiscount;
        long seed;
        int lineCount;
        String number;
        String baseNumber;

        int revision() {
            return supersedes == null ? 1 : supersedes.revision() + 1;
        }
    }

    /**
     * Adds {@code quotes} quotes (revisions included) and the benchmark's 200-line draft to an organization that has
     * customers; products and service categories are used when there are any.
     */
    public Result fill(UUID org, int quotes) {
        long start = System.nanoTime();
        if (quotes <= 0) {
            return new Result(0, 0, 0, 0);
        }
        try (Connection c = admin.getConnection()) {
            c.setAutoCommit(false);
            BulkLoad.asOwner(c, roles);
            Basics basics = basics(c, org);
            if (basics.buyers().isEmpty()) {
                throw new IllegalStateException("The organization has no customers to quote for.");
            }
            boolean triggersRun = !"replica".equals(value(c, "SELECT current_setting('session_replication_role')"));
            Map<Integer, Long> nextNumbers = nextNumbers(c, org);
            c.commit();

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<Quote> all = plan(quotes, basics, now);
            Map<Integer, Long> used = number(all, basics, nextNumbers);
            Quote bench = benchQuote(basics, now);
            all.add(bench);

            Ids ids = new Ids(now.toEpochMilli() - all.size());
            all.forEach(q -> q.id = ids.next());
            long lines = 0;
            long events = 0;
            for (int from = 0; from < all.size(); from += BATCH) {
                BulkLoad.asOwner(c, roles);
                long[] written = copyBatch(c, org, basics, all.subList(from, Math.min(all.size(), from + BATCH)), ids,
                        !triggersRun);
                lines += written[0];
                events += written[1];
                c.commit();
                int done = Math.min(all.size(), from + BATCH);
                if (all.size() >= 100_000 && (done % 50_000 == 0 || done == all.size())) {
                    progress.accept(String.format("  %,d / %,d quotes", done, all.size()));
                }
            }
            BulkLoad.asOwner(c, roles);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app.number_series (organization_id, kind, year, next_value) "
                    + "VALUES (?, 'quote', ?, ?) ON CONFLICT (organization_id, kind, year) DO UPDATE SET next_value = EXCLUDED.next_value, "
                    + "version = app.number_series.version + 1")) {
                for (Map.Entry<Integer, Long> series : used.entrySet()) {
                    ps.setObject(1, org);
                    ps.setInt(2, series.getKey());
                    ps.setLong(3, series.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("RESET ROLE");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE app.quotes, app.quote_lines, app.quote_events");
            }
            return new Result(all.size(), lines, events, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    // ------------------------------------------------------------------------------------------ what quotes refer to

    private static Basics basics(Connection c, UUID org) throws SQLException {
        String format;
        ZoneId zone;
        int validity;
        TaxRounding rounding;
        Currency currency;
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_number_format, timezone, quote_validity_days, "
                + "tax_rounding_mode, base_currency FROM app.organizations WHERE id = ?")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalArgumentException("No organization " + org);
            }
            format = rs.getString(1);
            zone = ZoneId.of(rs.getString(2));
            validity = rs.getInt(3);
            rounding = "per_document".equals(rs.getString(4)) ? TaxRounding.PER_DOCUMENT : TaxRounding.PER_LINE;
            currency = Currency.getInstance(rs.getString(5));
        }
        BigDecimal defaultTax = new BigDecimal("19");
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT percent FROM app.tax_rates WHERE organization_id = ? ORDER BY is_default DESC, percent DESC LIMIT 1")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            if (rs.next()) {
                defaultTax = rs.getBigDecimal(1).stripTrailingZeros();
            }
        }
        // A pool of customers (at most 50,000, with their primary contact and one of their deals) and of products.
        List<Buyer> buyers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.id, p.id, d.id
                  FROM (SELECT id, organization_id FROM app.customers
                         WHERE organization_id = ? AND deleted_at IS NULL ORDER BY md5(id::text) LIMIT 50000) c
                  LEFT JOIN app.contacts p ON p.organization_id = c.organization_id AND p.customer_id = c.id AND p.is_primary
                  LEFT JOIN LATERAL (SELECT d.id FROM app.deals d WHERE d.organization_id = c.organization_id
                                        AND d.customer_id = c.id AND d.deleted_at IS NULL LIMIT 1) d ON true
                 ORDER BY c.id""")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                buyers.add(new Buyer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
            }
        }
        List<Sellable> products = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.id, p.name, u.code, p.sale_price, t.percent
                  FROM (SELECT * FROM app.products WHERE organization_id = ? AND active AND deleted_at IS NULL
                         ORDER BY md5(id::text) LIMIT 5000) p
                  LEFT JOIN app.units u ON u.organization_id = p.organization_id AND u.id = p.unit_id
                  LEFT JOIN app.tax_rates t ON t.organization_id = p.organization_id AND t.id = p.tax_rate_id
                 ORDER BY p.id""")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                products.add(new Sellable(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3) == null ? "pc" : rs.getString(3),
                        rs.getBigDecimal(4).stripTrailingZeros(),
                        rs.getBigDecimal(5) == null ? defaultTax : rs.getBigDecimal(5).stripTrailingZeros()));
            }
        }
        // Service categories at the default card's rate for everyone (valid today).
        List<Sellable> services = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.name, i.billing_rate
                  FROM app.service_categories s
                  JOIN app.rate_card_items i ON i.organization_id = s.organization_id AND i.service_category_id = s.id
                  JOIN app.rate_cards r ON r.organization_id = i.organization_id AND r.id = i.rate_card_id AND r.is_default
                 WHERE s.organization_id = ? AND s.active AND i.role IS NULL AND i.user_id IS NULL
                   AND i.valid_from <= current_date AND (i.valid_until IS NULL OR i.valid_until >= current_date)
                 ORDER BY s.name""")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                services.add(new Sellable(rs.getObject(1, UUID.class), rs.getString(2), "h", rs.getBigDecimal(3).stripTrailingZeros(),
                        defaultTax));
            }
        }
        return new Basics(format, zone, validity, rounding, currency, defaultTax, buyers, products, services);
    }

    /** The next value of each year's quote series (year 0: a format without a year), as the series stand now. */
    private static Map<Integer, Long> nextNumbers(Connection c, UUID org) throws SQLException {
        Map<Integer, Long> next = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT year, next_value FROM app.number_series WHERE organization_id = ? AND kind = 'quote'")) {
            ps.setObject(1, org);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                next.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return next;
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ------------------------------------------------------------------------------------------ headers

    /**
     * The quotes' headers: created evenly over the last three years; what became of each depends on its age (a quote
     * younger than its validity may still be a draft or open). A superseded quote is followed by its revision.
     */
    private List<Quote> plan(int count, Basics basics, Instant now) {
        List<Quote> quotes = new ArrayList<>(count + count / 10);
        LocalDate today = LocalDate.ofInstant(now, basics.zone());
        long span = YEARS * 365L * 24 * 3600;
        while (quotes.size() < count) {
            Quote q = new Quote();
            q.created = now.minusSeconds(random.nextLong(span));
            quotes.add(q);
            header(q, basics);
            int roll = random.nextInt(100);
            if (!q.validUntil.isBefore(today)) {
                // open business: drafts, sent quotes waiting for an answer, a few answered already
                if (roll < 30) {
                    q.status = "draft";
                } else if (roll < 82) {
                    send(q, now);
                    q.status = "sent";
                } else if (roll < 94) {
                    send(q, now);
                    end(q, "accepted", now);
                } else if (roll < 98) {
                    send(q, now);
                    end(q, "rejected", now);
                } else {
                    q.status = "cancelled";
                    q.ended = between(q.created, now);
                }
            } else if (roll < 2) {
                q.status = "draft";
            } else if (roll < 5) {
                q.status = "cancelled";
                q.ended = between(q.created, q.created.plus(10, ChronoUnit.DAYS));
            } else {
                send(q, now);
                if (roll < 7) {
                    end(q, "cancelled", now);
                } else if (roll < 41) {
                    end(q, "accepted", now);
                } else if (roll < 63) {
                    end(q, "rejected", now);
                } else if (roll < 93 || quotes.size() >= count) {
                    q.status = "expired";
                    q.ended = q.validUntil.plusDays(1).atStartOfDay(basics.zone()).toInstant();
                } else {
                    quotes.add(revise(q, basics, now, today));
                }
            }
        }
        return quotes;
    }

    private void header(Quote q, Basics basics) {
        q.buyer = basics.buyers().get(random.nextInt(basics.buyers().size()));
        q.title = SUBJECT[random.nextInt(SUBJECT.length)];
        q.validUntil = LocalDate.ofInstant(q.created, basics.zone()).plusDays(basics.validityDays());
        int discount = random.nextInt(100);
        q.documentDiscount = discount < 85 ? null : BigDecimal.valueOf(discount < 93 ? 2 : discount < 98 ? 3 : 5);
        q.seed = random.nextLong();
        // 1 to 30 lines, most between 3 and 15
        q.lineCount = 1 + (int) (29 * Math.pow(random.nextDouble(), 1.6));
    }

    private void send(Quote q, Instant now) {
        Instant sent = q.created.plusSeconds(random.nextLong(3 * 24 * 3600));
        q.sent = sent.isAfter(now) ? now : sent;
    }

    /** Accepted, rejected or cancelled some days after sending (within the validity; never in the future). */
    private void end(Quote q, String status, Instant now) {
        q.status = status;
        Instant ended = q.sent.plusSeconds(3600 + random.nextLong(20 * 24 * 3600));
        q.ended = ended.isAfter(now) ? now : ended;
        if (status.equals("rejected")) {
            q.reason = REASON[random.nextInt(REASON.length)];
        }
    }

    /** A sent quote superseded by its revision, which was sent some days later and then went its own way. */
    private Quote revise(Quote old, Basics basics, Instant now, LocalDate today) {
        Quote r = new Quote();
        r.supersedes = old;
        old.revisedBy = r;
        Instant created = old.sent.plus(3 + random.nextInt(18), ChronoUnit.DAYS);
        r.created = created.isBefore(now) ? created : between(old.sent, now);
        r.buyer = old.buyer;
        r.title = old.title;
        r.validUntil = LocalDate.ofInstant(r.created, basics.zone()).plusDays(basics.validityDays());
        r.documentDiscount = old.documentDiscount == null ? BigDecimal.valueOf(2) : old.documentDiscount.add(BigDecimal.ONE);
        r.seed = old.seed;
        r.lineCount = old.lineCount;
        send(r, now);
        old.status = "superseded";
        old.ended = r.sent;
        int roll = random.nextInt(100);
        if (!r.validUntil.isBefore(today)) {
            if (roll < 70) {
                r.status = "sent";
            } else {
                end(r, "accepted", now);
            }
        } else if (roll < 55) {
            end(r, "accepted", now);
        } else if (roll < 75) {
            end(r, "rejected", now);
        } else {
            r.status = "expired";
            r.ended = r.validUntil.plusDays(1).atStartOfDay(basics.zone()).toInstant();
        }
        return r;
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Math.max(1, ChronoUnit.SECONDS.between(from, to));
        return from.plusSeconds(random.nextLong(seconds));
    }

    /**
     * Numbers in the order the quotes were sent, as {@code sec.issue_number} would have issued them: per year of the
     * sending day (in the organization's time zone) when the format has a year, else one series. Revisions keep their
     * chain's number with "-R<n>". Returns each series' next value after the generated quotes.
     */
    private static Map<Integer, Long> number(List<Quote> quotes, Basics basics, Map<Integer, Long> nextNumbers) {
        boolean yearly = NumberFormatPattern.usesYear(basics.numberFormat());
        Map<Integer, Long> next = new HashMap<>(nextNumbers);
        Map<Integer, Long> used = new HashMap<>();
        quotes.stream().filter(q -> q.sent != null && q.supersedes == null).sorted(Comparator.comparing(q -> q.sent))
                .forEach(q -> {
                    int year = LocalDate.ofInstant(q.sent, basics.zone()).getYear();
                    int series = yearly ? year : 0;
                    long value = next.getOrDefault(series, 1L);
                    q.number = NumberFormatPattern.format(basics.numberFormat(), year, value);
                    q.baseNumber = q.number;
                    next.put(series, value + 1);
                    used.put(series, value + 1);
                });
        for (Quote q : quotes) {
            if (q.supersedes != null) {
                q.baseNumber = q.supersedes.baseNumber;
                q.number = q.baseNumber + "-R" + q.revision();
            }
        }
        return used;
    }

    private Quote benchQuote(Basics basics, Instant now) {
        Quote q = new Quote();
        q.created = now.minus(1, ChronoUnit.DAYS);
        q.buyer = basics.buyers().get(0);
        q.title = BENCH_QUOTE_TITLE;
        q.status = "draft";
        q.validUntil = LocalDate.ofInstant(q.created, basics.zone()).plusDays(basics.validityDays());
        q.documentDiscount = BigDecimal.valueOf(3);
        q.seed = 200;
        q.lineCount = BENCH_QUOTE_LINES;
        return q;
    }

    // ------------------------------------------------------------------------------------------ lines and COPY

    /** The lines of a quote, from its seed: sections and texts among product and service lines. */
    private static List<QuoteLine> lines(Quote q, Basics basics) {
        SplittableRandom r = new SplittableRandom(q.seed);
        List<QuoteLine> lines = new ArrayList<>(q.lineCount);
        int sectionEvery = q.lineCount >= 6 ? 4 + r.nextInt(8) : Integer.MAX_VALUE;
        for (int i = 0; i < q.lineCount; i++) {
            int roll = r.nextInt(100);
            if (i % sectionEvery == 0) {
                lines.add(QuoteLine.text(SECTION[r.nextInt(SECTION.length)]));
            } else if (q.lineCount >= 4 && roll < 4) {
                lines.add(QuoteLine.text(NOTE[r.nextInt(NOTE.length)]));
            } else if (roll < 30 && !basics.services().isEmpty()) {
                Sellable s = basics.services().get(r.nextInt(basics.services().size()));
                BigDecimal hours = BigDecimal.valueOf(1 + r.nextInt(80)).divide(BigDecimal.valueOf(2)).stripTrailingZeros();
                lines.add(decorate(new QuoteLine(LineKind.SERVICE, null, s.id(), s.name() + ", "
                        + SERVICE_WORK[r.nextInt(SERVICE_WORK.length)], hours, "h", s.price(), null, s.taxPercent(), false,
                        null, null, null), r));
            } else if (!basics.products().isEmpty()) {
                Sellable p = basics.products().get(r.nextInt(basics.products().size()));
                BigDecimal quantity = p.unit().equals("m") || p.unit().equals("kg")
                        ? BigDecimal.valueOf(5 + r.nextInt(995), 1).stripTrailingZeros()
                        : BigDecimal.valueOf(1 + (r.nextInt(4) == 0 ? r.nextInt(50) : r.nextInt(5)));
                lines.add(decorate(new QuoteLine(LineKind.PRODUCT, p.id(), null, p.name(), quantity, p.unit(), p.price(), null,
                        p.taxPercent(), false, null, null, null), r));
            } else {
                lines.add(decorate(new QuoteLine(LineKind.PRODUCT, null, null, "Part " + (1 + r.nextInt(999)),
                        BigDecimal.valueOf(1 + r.nextInt(10)), "pc", BigDecimal.valueOf(100 + r.nextInt(99_900), 2), null,
                        basics.defaultTax(), false, null, null, null), r));
            }
        }
        return lines;
    }

    /** Some lines get a discount (5, 10 or 15 %), a few are optional. */
    private static QuoteLine decorate(QuoteLine line, SplittableRandom r) {
        int roll = r.nextInt(100);
        QuoteLine result = roll < 10 ? line.withDiscount(String.valueOf(5 * (1 + r.nextInt(3)))) : line;
        return roll >= 96 ? result.asOptional() : result;
    }

    /** Writes the quotes, their lines and events; returns how many lines and events. */
    private long[] copyBatch(Connection c, UUID org, Basics basics, List<Quote> batch, Ids ids, boolean writeCreated)
            throws SQLException {
        StringBuilder quotes = new StringBuilder(batch.size() * 400);
        StringBuilder lines = new StringBuilder(batch.size() * 2_000);
        StringBuilder events = new StringBuilder(batch.size() * 400);
        long lineCount = 0;
        long eventCount = 0;
        String tax = basics.taxRounding() == TaxRounding.PER_DOCUMENT ? "per_document" : "per_line";
        for (Quote q : batch) {
            List<QuoteLine> quoteLines = lines(q, basics);
            DocumentTotals totals = DocumentCalculator.calculate(new DocumentInput(quoteLines.stream().map(QuoteLine::input).toList(),
                    q.documentDiscount, basics.taxRounding(), basics.currency(), null));
            Instant updated = q.ended != null ? q.ended : q.sent != null ? q.sent : q.created;
            int version = (q.sent != null ? 1 : 0) + (q.ended != null ? 1 : 0);
            BulkLoad.row(quotes, org, q.id, nullable(q.number), nullable(q.baseNumber), q.revision(),
                    q.supersedes == null ? "\\N" : q.supersedes.id, q.buyer.id(), nullable(q.buyer.contact()),
                    q.buyer.deal() != null && (q.seed & 3) == 0 ? q.buyer.deal() : "\\N", q.title, q.status, q.validUntil,
                    basics.currency().getCurrencyCode(), nullable(q.documentDiscount), tax, totals.subtotal(),
                    totals.documentDiscount(), totals.net(), totals.tax(), totals.total(), nullable(q.sent),
                    q.status.equals("accepted") ? q.ended : "\\N", q.status.equals("rejected") ? q.ended : "\\N",
                    nullable(q.reason), q.created, updated, version);
            for (int i = 0; i < quoteLines.size(); i++) {
                QuoteLine l = quoteLines.get(i);
                LineTotals amounts = totals.lines().get(i);
                boolean text = l.kind() == LineKind.TEXT;
                BulkLoad.row(lines, org, ids.next(), q.id, i + 1, l.kind().name().toLowerCase(java.util.Locale.ROOT),
                        nullable(l.productId()), nullable(l.serviceCategoryId()), copyText(l.description()),
                        plain(l.quantity()), copyText(l.unit()), plain(l.unitPrice()), plain(l.discountPercent()),
                        plain(l.taxRatePercent()), l.optional() ? "t" : "f", text ? "\\N" : amounts.net(),
                        text ? "\\N" : amounts.tax(), text ? "\\N" : amounts.gross(), q.created);
            }
            lineCount += quoteLines.size();
            eventCount += events(events, org, q, ids, writeCreated);
        }
        BulkLoad.copyIn(c, "COPY app.quotes (organization_id, id, number, base_number, revision, supersedes_id, customer_id, "
                + "contact_id, deal_id, title, status, valid_until, currency, document_discount_percent, tax_rounding, subtotal, "
                + "discount_amount, net, tax, total, sent_at, accepted_at, rejected_at, rejection_reason, created_at, updated_at, "
                + "version) FROM STDIN", quotes);
        BulkLoad.copyIn(c, "COPY app.quote_lines (organization_id, id, quote_id, position, kind, product_id, service_category_id, "
                + "description, quantity, unit, unit_price, discount_percent, tax_rate_percent, optional, net, tax, gross, "
                + "created_at) FROM STDIN", lines);
        BulkLoad.copyIn(c, "COPY app.quote_events (organization_id, id, quote_id, action, from_status, to_status, note, "
                + "related_quote_id, changed_at) FROM STDIN", events);
        return new long[] {lineCount, eventCount};
    }

    /** The quote's history as the transition functions write it. */
    private static int events(StringBuilder out, UUID org, Quote q, Ids ids, boolean writeCreated) {
        int count = 0;
        if (writeCreated) {
            BulkLoad.row(out, org, ids.next(), q.id, q.supersedes == null ? "created" : "revised", "\\N", "draft", "\\N",
                    q.supersedes == null ? "\\N" : q.supersedes.id, q.created);
            count++;
        }
        if (q.sent != null) {
            BulkLoad.row(out, org, ids.next(), q.id, "sent", "draft", "sent", q.number, "\\N", q.sent);
            count++;
        }
        if (q.ended != null) {
            String from = q.sent == null ? "draft" : "sent";
            String action = q.status;
            BulkLoad.row(out, org, ids.next(), q.id, action, from, q.status, nullable(q.reason),
                    q.revisedBy == null ? "\\N" : q.revisedBy.id, q.ended);
            count++;
        }
        return count;
    }

    /** Text from the catalog (product and service names, unit codes) as a COPY value. */
    private static String copyText(String value) {
        return value == null ? "\\N" : value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static Object nullable(Object value) {
        return value == null ? "\\N" : value;
    }

    private static Object plain(BigDecimal value) {
        return value == null ? "\\N" : value.toPlainString();
    }

    /**
     * Time-ordered ids (the layout of UUID version 7), so that the rows of a batch land next to each other in the
     * primary key and the line index instead of all over them.
     */
    private static final class Ids {
        private final SplittableRandom random = new SplittableRandom(17);
        private long millis;
        private int counter;

        Ids(long startMillis) {
            this.millis = startMillis;
        }

        UUID next() {
            if (++counter == 0x1000) {
                counter = 0;
                millis++;
            }
            long msb = (millis << 16) | 0x7000L | counter;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }
    }
}
