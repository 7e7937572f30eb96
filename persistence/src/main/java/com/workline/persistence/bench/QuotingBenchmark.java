package com.workline.persistence.bench;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.admin.PostalAddress;
import com.workline.persistence.bench.Timing.Timed;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.documents.BusinessDocument;
import com.workline.persistence.documents.Branding;
import com.workline.persistence.documents.DocumentLine;
import com.workline.persistence.documents.Party;
import com.workline.persistence.documents.PdfPreview;
import com.workline.persistence.documents.PdfRenderer;
import com.workline.persistence.documents.TaxLine;
import com.workline.persistence.money.DocumentCalculator;
import com.workline.persistence.money.DocumentInput;
import com.workline.persistence.money.DocumentTotals;
import com.workline.persistence.money.LineInput;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.money.TaxRateTotals;
import com.workline.persistence.quoting.QuoteDataGenerator;
import com.workline.persistence.quoting.QuoteDetails;
import com.workline.persistence.quoting.QuoteDocuments;
import com.workline.persistence.quoting.QuoteLine;
import com.workline.persistence.quoting.QuoteRow;
import com.workline.persistence.quoting.QuoteService;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.tenancy.SignInService;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code workline admin bench quoting}: times what the quote screens do on an organization with many quotes (see
 * {@code workline admin generate --quotes}), each figure beside a baseline measured in the same run on the same data:
 * <ul>
 *   <li>reads (the list's pages, search, tab totals, opening the 200-line quote): the service's statements with the
 *   same bind parameters through plain JDBC as the same person, tenant set once for the session (the floor: what the
 *   service's unit of work adds);</li>
 *   <li>recalculating the 200-line quote: the editor's path without the screen (parse the numbers as typed in the
 *   person's locale, calculate, format every amount for display, as {@code QuoteEditorViewModel.recalculate} does;
 *   JavaFX's property updates are not part of it) beside the calculator alone on ready inputs;</li>
 *   <li>saving it: {@link QuoteService#saveDraft} beside the same statements through plain JDBC (base currency, header
 *   with totals, lines, and the reload), totals and lines' JSON computed beforehand; both commit, so both pay the
 *   database's deferred totals guard;</li>
 *   <li>its PDF ({@link QuoteDocuments} and {@link PdfRenderer}, as the preview does) beside a one-line document
 *   through the same renderer (the fixed cost of a PDF/A with embedded fonts); and the preview's page images
 *   ({@link PdfPreview}) of both.</li>
 * </ul>
 * Cold figures first (this JVM's first calls after signing in), then each operation warmed up until stable
 * ({@link Timing}) and timed; the output starts with the data size and the machine.
 */
public final class QuotingBenchmark {
    private static final int PAGE = 100;
    /** The resolution of the preview's on-screen pages (ui's DocumentPreviewViewModel). */
    private static final float PREVIEW_DPI = 110f;

    private final ServerAddress server;
    private final DataSource admin;
    private final RoleNames roles;
    private final Consumer<String> out;
    private double warmupSeconds = 3;

    public QuotingBenchmark(ServerAddress server, DataSource admin, RoleNames roles, Consumer<String> out) {
        this.server = server;
        this.admin = admin;
        this.roles = roles;
        this.out = out;
    }

    /** The least warm-up per operation, in seconds (more if its figures are not yet stable). */
    public QuotingBenchmark warmupSeconds(double seconds) {
        this.warmupSeconds = seconds;
        return this;
    }

    /** One measured operation and its baseline, in milliseconds. */
    public record Figure(String operation, double median, double p95, String baseline, double baselineMedian,
                         double baselineP95) {
    }

    public List<Figure> run(UUID organizationId, int runs) {
        UUID benchQuote;
        try (Connection owner = admin.getConnection()) {
            benchQuote = describe(owner, organizationId, runs);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        BenchPerson bench = BenchPerson.enrol(new OrganizationProvisioning(admin, roles), organizationId);
        long signInStart = System.nanoTime();
        try (SignedInPerson person = new SignInService(roles, 2).signIn(server, bench.email(), bench.password())) {
            TenantSession session = person.choose(organizationId);
            double signIn = (System.nanoTime() - signInStart) / 1e6;
            Subject subject = cold(session, benchQuote, signIn);
            return warm(session, subject, bench, runs);
        }
    }

    /** Prints the data and the machine; returns the benchmark's 200-line draft. */
    private UUID describe(Connection owner, UUID org, int runs) throws SQLException {
        UUID quote;
        try (PreparedStatement ps = owner.prepareStatement("SELECT id FROM app.quotes WHERE organization_id = ? AND title = ? "
                + "AND status = 'draft' ORDER BY created_at DESC LIMIT 1")) {
            ps.setObject(1, org);
            ps.setString(2, QuoteDataGenerator.BENCH_QUOTE_TITLE);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalArgumentException("The organization has no draft titled '" + QuoteDataGenerator.BENCH_QUOTE_TITLE
                        + "': generate its quotes first (workline admin generate --quotes N).");
            }
            quote = rs.getObject(1, UUID.class);
        }
        try (PreparedStatement ps = owner.prepareStatement("""
                SELECT (SELECT count(*) FROM app.quotes WHERE organization_id = ?),
                       (SELECT count(*) FROM app.quote_lines WHERE organization_id = ?),
                       (SELECT count(*) FROM app.quote_events WHERE organization_id = ?),
                       (SELECT count(*) FROM app.customers WHERE organization_id = ?),
                       (SELECT count(*) FROM app.quotes), (SELECT count(DISTINCT organization_id) FROM app.quotes),
                       pg_size_pretty(pg_total_relation_size('app.quotes')),
                       pg_size_pretty(pg_total_relation_size('app.quote_lines')),
                       pg_size_pretty(pg_total_relation_size('app.quote_events')),
                       (SELECT string_agg(status || ' ' || n, ', ' ORDER BY n DESC)
                          FROM (SELECT status, count(*) n FROM app.quotes WHERE organization_id = ? GROUP BY status) s),
                       current_setting('server_version'), current_setting('shared_buffers')""")) {
            for (int i = 1; i <= 5; i++) {
                ps.setObject(i, org);
            }
            ResultSet rs = ps.executeQuery();
            rs.next();
            out.accept(String.format("Data: organization %s: %,d quotes (%s), %,d lines, %,d history events, %,d customers; "
                            + "%,d quotes in %d organizations in all; tables with indexes: quotes %s, lines %s, events %s.",
                    org, rs.getLong(1), rs.getString(10), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
                    rs.getString(7), rs.getString(8), rs.getString(9)));
            out.accept(String.format("Machine: %d cores (%s), %s RAM; %s %s (max heap %,d MB); PostgreSQL %s, shared_buffers %s.",
                    Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), System.getProperty("java.vm.name"),
                    System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    rs.getString(11), rs.getString(12)));
        }
        out.accept(String.format("Times in ms, median / 95th percentile of %d timed runs after a warm-up of at least %.0f s "
                + "until stable.", runs, warmupSeconds));
        return quote;
    }

    /** What the warm figures work on, loaded during the cold figures. */
    private record Subject(QuoteDetails quote, Party seller, Party buyer, Locale locale) {
    }

    private Subject cold(TenantSession session, UUID benchQuote, double signIn) {
        QuoteService quotes = Quoting.of(session).quotes();
        long t0 = System.nanoTime();
        quotes.expire();
        quotes.tabTotals(null);
        quotes.list(QuoteStatus.DRAFT, null, null, PAGE);
        long t1 = System.nanoTime();
        QuoteDetails quote = quotes.load(benchQuote);
        long t2 = System.nanoTime();
        // What the editor starts in the background when it opens, while the person reads the quote.
        PdfRenderer.warmUp();
        long t3 = System.nanoTime();
        OrganizationSettings settings = Administration.of(session).organizationSettings().load();
        Locale locale = Locale.forLanguageTag(settings.locale());
        long t4 = System.nanoTime();
        editorRecalculation(typed(quote, locale), quote, locale);
        long t5 = System.nanoTime();
        quote = quotes.saveDraft(quote);
        long t6 = System.nanoTime();
        CustomerDetails customer = Crm.of(session).customers().load(quote.customerId());
        Party seller = new Party(settings.legalName() == null || settings.legalName().isBlank() ? settings.name()
                : settings.legalName(), null, address(settings.address()), settings.taxId(), settings.email(), settings.phone());
        Party buyer = new Party(customer.name(), null, List.of(), customer.taxId(), customer.email(), customer.phone());
        long t7 = System.nanoTime();
        byte[] pdf = pdf(new PdfRenderer(), quote, seller, buyer, locale);
        long t8 = System.nanoTime();
        int pages = PdfPreview.pagesAsPng(pdf, PREVIEW_DPI).size();
        long t9 = System.nanoTime();
        pdf(new PdfRenderer(), quote, seller, buyer, locale);
        long t10 = System.nanoTime();
        out.accept(String.format("Cold (this JVM's first calls): sign-in %.0f ms; opening the list (expire, tab totals, first page"
                        + " of drafts) %.1f ms; opening the 200-line quote %.1f ms (then the PDF engine's warm-up, which the editor"
                        + " runs in the background, %.0f ms); its recalculation (editor's path) %.1f ms; saving it %.1f ms; its PDF"
                        + " (%,d bytes, %d pages) %.0f ms, the pages as images for the preview %.0f ms; the same PDF again %.0f ms.",
                signIn, ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t4, t5), ms(t5, t6), pdf.length, pages, ms(t7, t8), ms(t8, t9),
                ms(t9, t10)));
        return new Subject(quote, seller, buyer, locale);
    }

    private List<Figure> warm(TenantSession session, Subject subject, BenchPerson bench, int runs) {
        List<Figure> figures = new ArrayList<>();
        QuoteService quotes = Quoting.of(session).quotes();
        try (Connection jdbc = Connections.dataSource(server, roles.loginFor(bench.email()), bench.password()).getConnection();
             Connection owner = admin.getConnection()) {
            try (PreparedStatement s = jdbc.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                s.setString(1, session.organization().id().toString());
                s.execute();
            }
            QuoteRow middle = middleOfTab(owner, session.organization().id(), QuoteStatus.ACCEPTED);
            String[] names = {"harbor", "meridian", "zenith"};
            String[] titles = {"conveyor", "maintenance", "pump"};
            String number = middle.number();

            figures.add(measure("open the list: expire, tab totals, first page (drafts, 100)", "plain JDBC", runs,
                    i -> {
                        quotes.expire();
                        quotes.tabTotals(null);
                        quotes.list(QuoteStatus.DRAFT, null, null, PAGE);
                    },
                    i -> {
                        query(jdbc, new SqlBuilder.Positional("SELECT app.expire_quotes()", List.of()));
                        query(jdbc, quotes.tabTotalsStatement(null));
                        query(jdbc, quotes.listStatement(QuoteStatus.DRAFT, null, null, PAGE));
                    }));
            figures.add(measure("first page (100), largest tab (accepted)", "plain JDBC", runs,
                    i -> quotes.list(QuoteStatus.ACCEPTED, null, null, PAGE),
                    i -> query(jdbc, quotes.listStatement(QuoteStatus.ACCEPTED, null, null, PAGE))));
            figures.add(measure("page in the middle of accepted (keyset)", "plain JDBC", runs,
                    i -> quotes.list(QuoteStatus.ACCEPTED, null, middle, PAGE),
                    i -> query(jdbc, quotes.listStatement(QuoteStatus.ACCEPTED, null, middle, PAGE))));
            figures.add(measure("tab totals (count and sum of 7 statuses)", "plain JDBC", runs,
                    i -> quotes.tabTotals(null),
                    i -> query(jdbc, quotes.tabTotalsStatement(null))));
            figures.add(measure("search customer name, accepted (harbor, meridian, zenith)", "plain JDBC", runs,
                    i -> quotes.list(QuoteStatus.ACCEPTED, names[i % names.length], null, PAGE),
                    i -> query(jdbc, quotes.listStatement(QuoteStatus.ACCEPTED, names[i % names.length], null, PAGE))));
            figures.add(measure("search title, accepted (conveyor, maintenance, pump)", "plain JDBC", runs,
                    i -> quotes.list(QuoteStatus.ACCEPTED, titles[i % titles.length], null, PAGE),
                    i -> query(jdbc, quotes.listStatement(QuoteStatus.ACCEPTED, titles[i % titles.length], null, PAGE))));
            figures.add(measure("search one number, accepted (" + number + ")", "plain JDBC", runs,
                    i -> quotes.list(QuoteStatus.ACCEPTED, number, null, PAGE),
                    i -> query(jdbc, quotes.listStatement(QuoteStatus.ACCEPTED, number, null, PAGE))));
            figures.add(measure("search as the screen does: tab totals and page (harbor, number)", "plain JDBC", runs,
                    i -> {
                        String term = i % 2 == 0 ? names[0] : number;
                        quotes.tabTotals(term);
                        quotes.list(QuoteStatus.ACCEPTED, term, null, PAGE);
                    },
                    i -> {
                        String term = i % 2 == 0 ? names[0] : number;
                        query(jdbc, quotes.tabTotalsStatement(term));
                        query(jdbc, quotes.listStatement(QuoteStatus.ACCEPTED, term, null, PAGE));
                    }));
            // Typing a number: the first letters match nearly every quote, the year a third, then only a few.
            String[] typing = {number.substring(0, 1), number.substring(0, 3), number.substring(0, 6), number.substring(0, 8),
                    number};
            for (String term : typing) {
                figures.add(measure("typing a number, tab totals and page: \"" + term + "\"", "plain JDBC", runs,
                        i -> {
                            quotes.tabTotals(term);
                            quotes.list(QuoteStatus.ACCEPTED, term, null, PAGE);
                        },
                        i -> {
                            query(jdbc, quotes.tabTotalsStatement(term));
                            query(jdbc, quotes.listStatement(QuoteStatus.ACCEPTED, term, null, PAGE));
                        }));
            }

            QuoteDetails quote = subject.quote();
            figures.add(measure("open the 200-line quote (lines, history, header)", "plain JDBC", runs,
                    i -> quotes.load(quote.id()),
                    i -> {
                        for (SqlBuilder.Positional statement : quotes.loadStatements(quote.id())) {
                            query(jdbc, statement);
                        }
                    }));

            List<String[]> typed = typed(quote, subject.locale());
            DocumentInput input = new DocumentInput(quote.lines().stream().map(QuoteLine::input).toList(),
                    quote.documentDiscountPercent(), quote.taxRounding(), Currency.getInstance(quote.currency()), null);
            figures.add(measure("recalculate the 200-line quote (editor's path)", "calculator alone", runs,
                    i -> editorRecalculation(typed, quote, subject.locale()),
                    i -> DocumentCalculator.calculate(input)));

            figures.add(save(quotes, jdbc, quote, runs));

            PdfRenderer renderer = new PdfRenderer();
            BusinessDocument oneLine = oneLine(QuoteDocuments.toBusinessDocument(quote, subject.seller(), subject.buyer(),
                    LocalDate.now(), "Draft"));
            figures.add(measure("PDF of the 200-line quote (map, render)", "1-line PDF", Math.max(5, runs / 5),
                    i -> pdf(renderer, quote, subject.seller(), subject.buyer(), subject.locale()),
                    i -> renderer.render(oneLine, Branding.plain(), subject.locale())));
            byte[] pdf = pdf(renderer, quote, subject.seller(), subject.buyer(), subject.locale());
            byte[] onePdf = renderer.render(oneLine, Branding.plain(), subject.locale());
            figures.add(measure("preview's page images of that PDF (" + (int) PREVIEW_DPI + " dpi)", "1-line PDF's", Math.max(5, runs / 5),
                    i -> PdfPreview.pagesAsPng(pdf, PREVIEW_DPI),
                    i -> PdfPreview.pagesAsPng(onePdf, PREVIEW_DPI)));
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        return figures;
    }

    /**
     * Saving the same draft again and again: the service (from the details the editor holds) beside the statements it
     * sends, computed once, through plain JDBC in one transaction each. Each save moves the version on.
     */
    private Figure save(QuoteService quotes, Connection jdbc, QuoteDetails start, int runs) throws SQLException {
        List<SqlBuilder.Positional> reload = quotes.loadStatements(start.id());
        Object tenant = reload.get(0).parameters().get(0);
        String base;
        try (PreparedStatement ps = jdbc.prepareStatement(QuoteService.BASE_CURRENCY)) {
            ps.setObject(1, tenant);
            ResultSet rs = ps.executeQuery();
            rs.next();
            base = rs.getString(1);
        }
        QuoteService.DraftWrite write = quotes.draftWrite(start, base);
        QuoteDetails[] current = {start};
        int[] version = {start.version()};
        return measure("save the 200-line quote", "plain JDBC", runs,
                i -> {
                    current[0] = quotes.saveDraft(withVersion(current[0], version[0]));
                    version[0] = current[0].version();
                },
                i -> {
                    jdbc.setAutoCommit(false);
                    try {
                        QuoteService.DraftWrite now = write.expecting(version[0]);
                        query(jdbc, new SqlBuilder.Positional(QuoteService.BASE_CURRENCY, List.of(tenant)));
                        try (PreparedStatement ps = prepare(jdbc, now.header())) {
                            if (ps.executeUpdate() != 1) {
                                throw new IllegalStateException("the draft was not saved");
                            }
                        }
                        query(jdbc, now.lines());
                        query(jdbc, reload.get(0));
                        query(jdbc, reload.get(1));
                        query(jdbc, reload.get(2));
                        jdbc.commit();
                        version[0]++;
                    } finally {
                        jdbc.rollback();
                        jdbc.setAutoCommit(true);
                    }
                });
    }

    private static QuoteDetails withVersion(QuoteDetails q, int version) {
        return new QuoteDetails(q.id(), q.number(), q.revision(), q.supersedesId(), q.status(), q.customerId(), q.contactId(),
                q.dealId(), q.title(), q.validUntil(), q.currency(), q.exchangeRate(), q.documentDiscountPercent(),
                q.taxRounding(), q.subtotal(), q.discountAmount(), q.net(), q.tax(), q.total(), q.terms(), q.customerNotes(),
                q.internalNotes(), q.sentAt(), q.acceptedAt(), q.rejectedAt(), q.rejectionReason(), version, q.lines(), q.events());
    }

    // ------------------------------------------------------------------------------------------ the editor's path

    /** The lines as the editor shows them for typing: quantity, unit price, discount, tax rate (LocaleNumbers' formats). */
    private static List<String[]> typed(QuoteDetails quote, Locale locale) {
        List<String[]> rows = new ArrayList<>();
        for (QuoteLine line : quote.lines()) {
            rows.add(new String[] {number(line.quantity(), locale), line.unitPrice() == null ? "" : amount(line.unitPrice(), locale),
                    number(line.discountPercent(), locale), number(line.taxRatePercent(), locale)});
        }
        return rows;
    }

    /**
     * What {@code QuoteEditorViewModel.recalculate} does with the typed lines: parse every number in the locale, calculate,
     * and format each line's net, the totals and the tax summary for display.
     */
    private static List<String> editorRecalculation(List<String[]> typed, QuoteDetails quote, Locale locale) {
        List<LineInput> inputs = new ArrayList<>(typed.size());
        for (int i = 0; i < typed.size(); i++) {
            QuoteLine line = quote.lines().get(i);
            String[] row = typed.get(i);
            boolean text = line.kind() == LineKind.TEXT;
            inputs.add(new LineInput(line.kind(), text ? null : parse(row[0], locale), text ? null : parse(row[1], locale),
                    text ? null : parse(row[2], locale), text ? null : parse(row[3], locale), !text && line.optional()));
        }
        DocumentTotals totals = DocumentCalculator.calculate(new DocumentInput(inputs, quote.documentDiscountPercent(),
                quote.taxRounding(), Currency.getInstance(quote.currency()), null));
        List<String> shown = new ArrayList<>(typed.size() + 8);
        for (int i = 0; i < typed.size(); i++) {
            shown.add(quote.lines().get(i).kind() == LineKind.TEXT ? "" : amount(totals.lines().get(i).net(), locale));
        }
        for (BigDecimal value : List.of(totals.subtotal(), totals.documentDiscount(), totals.net(), totals.tax(), totals.total())) {
            shown.add(amount(value, locale));
        }
        for (TaxRateTotals rate : totals.taxSummary()) {
            shown.add(number(rate.ratePercent(), locale) + " " + amount(rate.base(), locale) + " " + amount(rate.tax(), locale));
        }
        return shown;
    }

    private static BigDecimal parse(String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
        }
        ParsePosition position = new ParsePosition(0);
        Number parsed = format.parse(value.strip(), position);
        return parsed instanceof BigDecimal big ? big : new BigDecimal(String.valueOf(parsed));
    }

    private static String number(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(6);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    private static String amount(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(Math.max(2, value.scale()));
        format.setGroupingUsed(false);
        return format.format(value);
    }

    // ------------------------------------------------------------------------------------------ PDF

    private static byte[] pdf(PdfRenderer renderer, QuoteDetails quote, Party seller, Party buyer, Locale locale) {
        return renderer.render(QuoteDocuments.toBusinessDocument(quote, seller, buyer, LocalDate.now(), "Draft"), Branding.plain(),
                locale);
    }

    /** The same document with only its first item (the totals of that item). */
    private static BusinessDocument oneLine(BusinessDocument d) {
        DocumentLine.Item item = d.lines().stream().filter(DocumentLine.Item.class::isInstance).map(DocumentLine.Item.class::cast)
                .findFirst().orElseThrow();
        BigDecimal tax = item.net().multiply(item.taxPercent()).movePointLeft(2).setScale(item.net().scale(), RoundingMode.HALF_UP);
        return new BusinessDocument(d.kind(), d.title(), d.number(), d.revision(), d.issued(), d.validUntil(), d.seller(),
                d.buyer(), List.of(item), List.of(new TaxLine(item.taxPercent(), item.net(), tax)), item.net(), null, item.net(),
                tax, item.net().add(tax), d.currency(), d.introduction(), d.terms(), d.notes(), d.footerText());
    }

    private static List<String> address(PostalAddress address) {
        List<String> lines = new ArrayList<>();
        if (address != null) {
            for (String line : new String[] {address.line1(), address.line2(),
                    ((address.postalCode() == null ? "" : address.postalCode() + " ") + (address.city() == null ? "" : address.city())),
                    address.country()}) {
                if (line != null && !line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The row in the middle of a tab, newest first (the cursor of a page there). */
    private static QuoteRow middleOfTab(Connection owner, UUID org, QuoteStatus tab) throws SQLException {
        try (PreparedStatement ps = owner.prepareStatement("SELECT id, number, created_at FROM app.quotes "
                + "WHERE organization_id = ? AND status = ? ORDER BY created_at DESC, id DESC "
                + "OFFSET (SELECT count(*) / 2 FROM app.quotes WHERE organization_id = ? AND status = ?) LIMIT 1")) {
            ps.setObject(1, org);
            ps.setString(2, tab.databaseValue());
            ps.setObject(3, org);
            ps.setString(4, tab.databaseValue());
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                throw new IllegalArgumentException("The organization has no " + tab.databaseValue() + " quotes.");
            }
            return new QuoteRow(rs.getObject(1, UUID.class), rs.getString(2), null, null, tab, null, null, null,
                    rs.getObject(3, OffsetDateTime.class));
        }
    }

    private static PreparedStatement prepare(Connection c, SqlBuilder.Positional statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            Object value = statement.parameters().get(i);
            if (value instanceof LocalDate date) {
                ps.setObject(i + 1, date, java.sql.Types.DATE);
            } else {
                ps.setObject(i + 1, value);
            }
        }
        return ps;
    }

    /** Runs a statement and reads every column of every row. */
    private static void query(Connection c, SqlBuilder.Positional statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement); ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int k = 1; k <= columns; k++) {
                    rs.getObject(k);
                }
            }
        }
    }

    private Figure measure(String operation, String baseline, int runs, Timed service, Timed base) {
        double[][] figures = new Timing(warmupSeconds).measure(runs, service, base);
        Figure figure = new Figure(operation, figures[0][0], figures[0][1], baseline, figures[1][0], figures[1][1]);
        out.accept(String.format("%-62s %8.2f / %8.2f ms   %-16s %8.2f / %8.2f ms (x%.2f)", operation, figure.median(),
                figure.p95(), baseline, figure.baselineMedian(), figure.baselineP95(), figure.median() / figure.baselineMedian()));
        return figure;
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format("%.0f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
