package com.workline.persistence.documents;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Renders a {@link BusinessDocument} as PDF: fills an XHTML/CSS Mustache template (the one shipped beside this
 * class, or an organization's own) and lays it out with openhtmltopdf on PDFBox. Fonts are embedded from the
 * classpath; a template may load nothing from outside (only {@code data:} URIs, e.g. the logo).
 *
 * <p>Every value reaches the template HTML-escaped ({@code {{name}}}); labels come from the {@code labels}
 * bundle in the organization's language (English when there is none). The template's variables:
 * <ul>
 *   <li>{@code lang}, {@code accent} (#hex), {@code pageCounter} (a CSS {@code content} value, use triple braces),
 *       {@code title}, {@code number}, {@code revision} (empty for the first), {@code issued}, {@code validUntil},
 *       {@code validUntilLabel}, {@code logo} (data URI or empty), {@code senderLine}, {@code footer}, {@code subject},
 *       {@code introduction}, {@code terms}, {@code notes}, {@code currency} (ISO code), {@code currencySymbol}</li>
 *   <li>{@code seller} and {@code buyer}: {@code name}, {@code contact}, {@code addressLines} (list),
 *       {@code taxId}, {@code email}, {@code phone}</li>
 *   <li>{@code rows}: each has one of {@code section} ({@code heading}), {@code text} ({@code text}) or
 *       {@code item} ({@code position}, {@code description}, {@code quantity}, {@code unit}, {@code unitPrice},
 *       {@code discount}, {@code tax}, {@code net}, {@code optional}); {@code hasLineDiscounts},
 *       {@code columns}, {@code textColumns}, {@code descriptionWidth} help laying out the table</li>
 *   <li>{@code taxSummary}: {@code label} ("VAT 19 % on 1.000,00 €"), {@code rate}, {@code base}, {@code tax};
 *       {@code hasDiscount}, {@code linesNet}, {@code discount}, {@code net}, {@code tax}, {@code total}
 *       (all formatted)</li>
 *   <li>{@code t}: the labels, e.g. {@code t.total}, {@code t.col.description}</li>
 * </ul>
 * A template must be well-formed XHTML (close every tag). Thread-safe.
 */
public final class PdfRenderer {
    public static final String DEFAULT_TEMPLATE = "business-document.html";
    private static final String LABELS = "com.workline.persistence.documents.labels";
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .nullValue("")
            .emptyStringIsFalse(true)
            .withEscaper(PdfRenderer::escapeXml);

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final Template defaultTemplate = COMPILER.compile(defaultTemplateText());

    public PdfRenderer() {
        Slf4jRendererLog.install();
    }

    private static final AtomicBoolean WARM = new AtomicBoolean();

    /**
     * Lays out and rasterizes a one-line document once per process, so that the first real document does not also pay
     * for loading the layout engine, PDFBox and the fonts (the first PDF of a 200-line quote took 1.1-1.4 s in a fresh
     * process, 0.6-0.7 s after this; docs/performance.md, "Quoting"). Call it in the background when a screen that
     * prints opens; later calls return at once.
     */
    public static void warmUp() {
        if (!WARM.compareAndSet(false, true)) {
            return;
        }
        BigDecimal net = new BigDecimal("100.00");
        BigDecimal tax = new BigDecimal("19.00");
        BusinessDocument sample = new BusinessDocument(BusinessDocument.Kind.QUOTE, null, "0", 0, LocalDate.now(),
                null, Party.of("Seller", "Street 1"), Party.of("Buyer", "Road 2"),
                List.of(new DocumentLine.Section("Section"), new DocumentLine.Item("1", "Item", BigDecimal.ONE, "pc", net,
                        null, new BigDecimal("19"), net, false)),
                List.of(new TaxLine(new BigDecimal("19"), net, tax)), net, null, net, tax, net.add(tax),
                Currency.getInstance("EUR"), null, null, null, null);
        PdfPreview.pagesAsPng(new PdfRenderer().render(sample, Branding.plain(), Locale.ENGLISH), 96);
    }

    /** The shipped template's text: where an organization's own template starts from. */
    public static String defaultTemplateText() {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(DEFAULT_TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_TEMPLATE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders with the shipped template. */
    public byte[] render(BusinessDocument document, Branding branding, Locale locale) {
        return render(document, branding, locale, null);
    }

    /**
     * Renders with the organization's own template, or the shipped one when {@code customTemplate} is null or
     * blank.
     *
     * @throws DocumentRenderException when the template is broken (unknown variable, not well-formed XHTML)
     */
    public byte[] render(BusinessDocument document, Branding branding, Locale locale, String customTemplate) {
        String html = html(document, branding, locale, customTemplate);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            // Every document is PDF/A-3u: archivable, all fonts embedded (no system fonts, not even the
            // standard 14), and an invoice can later carry its e-invoice XML as an attachment (ADR 0008).
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
            builder.useColorProfile(SRGB);
            builder.withHtmlContent(html, null);
            builder.withProducer("Workline");
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            DocumentFonts.register(builder);
            builder.toStream(out);
            builder.run();
        } catch (IOException | RuntimeException e) {
            throw new DocumentRenderException("cannot render " + document.number() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The filled template (XHTML) that {@link #render} lays out; for template authors and tests. */
    public String html(BusinessDocument document, Branding branding, Locale locale, String customTemplate) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(locale, "locale");
        Branding brand = branding == null ? Branding.plain() : branding;
        Template template;
        try {
            template = customTemplate == null || customTemplate.isBlank()
                    ? defaultTemplate : COMPILER.compile(customTemplate);
            return template.execute(context(document, brand, locale));
        } catch (MustacheException e) {
            throw new DocumentRenderException("template: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> context(BusinessDocument d, Branding brand, Locale locale) {
        DocumentFormatter f = new DocumentFormatter(locale, d.currency());
        ResourceBundle labels = labels(locale);
        String kind = d.kind().key();

        Map<String, Object> c = new HashMap<>();
        c.put("lang", locale.toLanguageTag());
        c.put("accent", brand.accentColour());
        c.put("t", nested(labels));
        c.put("pageCounter", cssPageCounter(labels.getString("page")));
        c.put("title", d.title() != null && !d.title().isBlank() ? d.title() : labels.getString("title." + kind));
        c.put("number", d.number());
        c.put("revision", d.revision() > 0 ? Integer.toString(d.revision()) : null);
        c.put("issued", f.date(d.issued()));
        c.put("validUntil", f.date(d.validUntil()));
        c.put("validUntilLabel", labels.getString("validUntil." + kind));
        c.put("logo", brand.logo() == null ? null : brand.logo().dataUri());
        c.put("seller", party(d.seller()));
        c.put("buyer", party(d.buyer()));
        List<String> sender = new ArrayList<>();
        sender.add(d.seller().name());
        sender.addAll(d.seller().addressLines());
        c.put("senderLine", String.join(" · ", sender));
        c.put("footer", firstPresent(d.footerText(), brand.footerText()));
        c.put("terms", firstPresent(d.terms(), brand.terms()));
        c.put("introduction", d.introduction());
        c.put("subject", d.subject());
        c.put("notes", d.notes());
        c.put("currency", d.currency().getCurrencyCode());
        c.put("currencySymbol", f.currencySymbol());

        boolean lineDiscounts = d.lines().stream().anyMatch(line -> line instanceof DocumentLine.Item item
                && item.discountPercent() != null && item.discountPercent().signum() != 0);
        c.put("hasLineDiscounts", lineDiscounts);
        int columns = lineDiscounts ? 8 : 7;
        c.put("columns", columns);
        c.put("textColumns", columns - 1);
        c.put("descriptionWidth", lineDiscounts ? 34 : 41);
        List<Map<String, Object>> rows = new ArrayList<>(d.lines().size());
        for (DocumentLine line : d.lines()) {
            rows.add(row(line, f));
        }
        c.put("rows", rows);

        List<Map<String, Object>> taxes = new ArrayList<>();
        String taxPattern = labels.getString("taxLine");
        for (TaxLine tax : d.taxSummary()) {
            Map<String, Object> m = new HashMap<>();
            m.put("rate", f.percent(tax.ratePercent()));
            m.put("base", f.money(tax.base()));
            m.put("tax", f.money(tax.tax()));
            m.put("label", taxPattern.replace("{0}", f.percent(tax.ratePercent())).replace("{1}", f.money(tax.base())));
            taxes.add(m);
        }
        c.put("taxSummary", taxes);
        c.put("hasDiscount", d.hasDiscount());
        c.put("linesNet", f.money(d.linesNet()));
        c.put("discount", d.hasDiscount() ? f.money(d.discount().negate()) : null);
        c.put("net", f.money(d.net()));
        c.put("tax", f.money(d.tax()));
        c.put("total", f.money(d.total()));
        return c;
    }

    private static Map<String, Object> row(DocumentLine line, DocumentFormatter f) {
        Map<String, Object> row = new HashMap<>();
        // Every kind present (false when not this one), so a lookup never falls through to the document.
        row.put("section", false);
        row.put("text", false);
        row.put("item", false);
        if (line instanceof DocumentLine.Section s) {
            row.put("section", Map.of("heading", s.heading()));
        } else if (line instanceof DocumentLine.Text t) {
            row.put("text", Map.of("text", t.text()));
        } else if (line instanceof DocumentLine.Item i) {
            Map<String, Object> m = new HashMap<>();
            m.put("position", i.position());
            m.put("description", i.description());
            m.put("quantity", f.quantity(i.quantity()));
            m.put("unit", i.unit());
            m.put("unitPrice", f.money(i.unitPrice()));
            m.put("discount", i.discountPercent() == null || i.discountPercent().signum() == 0
                    ? "" : f.percent(i.discountPercent()));
            m.put("tax", f.percent(i.taxPercent()));
            m.put("net", f.money(i.net()));
            m.put("optional", i.optional());
            row.put("item", m);
        }
        return row;
    }

    private static Map<String, Object> party(Party p) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", p.name());
        m.put("contact", p.contact());
        m.put("addressLines", p.addressLines());
        m.put("taxId", p.taxId());
        m.put("email", p.email());
        m.put("phone", p.phone());
        return m;
    }

    private static String firstPresent(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    static ResourceBundle labels(Locale locale) {
        try {
            return ResourceBundle.getBundle(LABELS, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("document labels missing", e);
        }
    }

    /** Labels as nested maps ("col.position" becomes t.col.position in the template). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(ResourceBundle labels) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String key : Collections.list(labels.getKeys())) {
            String[] parts = key.split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            }
            node.put(parts[parts.length - 1], labels.getString(key));
        }
        return root;
    }

    /** "Seite {0} von {1}" as CSS content: {@code "Seite " counter(page) " von " counter(pages)}. */
    static String cssPageCounter(String pattern) {
        List<String> parts = new ArrayList<>();
        String rest = pattern;
        while (!rest.isEmpty()) {
            int page = rest.indexOf("{0}");
            int pages = rest.indexOf("{1}");
            int next = page < 0 ? pages : pages < 0 ? page : Math.min(page, pages);
            if (next < 0) {
                parts.add(cssString(rest));
                break;
            }
            if (next > 0) {
                parts.add(cssString(rest.substring(0, next)));
            }
            parts.add(next == page ? "counter(page)" : "counter(pages)");
            rest = rest.substring(next + 3);
        }
        return parts.stream().collect(Collectors.joining(" "));
    }

    private static String cssString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                s.append('\\').append(ch);
            } else if (ch < 0x20 || ch == '<' || ch == '>' || ch == '&') {
                s.append('\\').append(Integer.toHexString(ch)).append(' ');
            } else {
                s.append(ch);
            }
        }
        return s.append('"').toString();
    }

    /** XML escaping (numeric references only: the XHTML parser knows no HTML entities such as &nbsp;). */
    static String escapeXml(String raw) {
        StringBuilder s = null;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            String replacement = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r' ? "" : null;
            };
            if (replacement != null && s == null) {
                s = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            if (s != null) {
                if (replacement != null) {
                    s.append(replacement);
                } else {
                    s.append(ch);
                }
            }
        }
        return s == null ? raw : s.toString();
    }
}
