package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hibernate.Session;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CSV import of customers with their first contact: read the file, map its columns to fields, preview with
 * a row-by-row error report (including duplicates by tax id or email, in the file and in the database),
 * and commit all rows in one transaction, or none.
 */
public final class CustomerImport {
    /** The fields a column can be mapped to. */
    public static final List<String> FIELDS = List.of("name", "status", "email", "phone", "website", "industry", "taxId",
            "tags", "contactFirstName", "contactLastName", "contactEmail", "contactPhone");
    private static final int MAX_ROWS = 50_000;

    private final TenantDatabase db;

    public CustomerImport(TenantDatabase db) {
        this.db = db;
    }

    /**
     * The file's header and rows, and the encoding they were read in ("UTF-8", "UTF-8 with BOM",
     * "UTF-16LE with BOM", "UTF-16BE with BOM", "Windows-1252"; null when the caller gave text, not bytes).
     */
    public record CsvFile(List<String> header, List<List<String>> rows, String encoding) {
        public CsvFile(List<String> header, List<List<String>> rows) {
            this(header, rows, null);
        }
    }

    /**
     * Reads a CSV file's bytes in the encoding spreadsheets write: a byte order mark says UTF-8 or UTF-16 (Excel's
     * "Unicode text", tab-separated); without one the bytes are UTF-8 if they are valid UTF-8, otherwise
     * Windows-1252 (what Excel on Windows saves as "CSV"). {@link CsvFile#encoding()} says which was used.
     */
    public static CsvFile read(byte[] bytes) {
        Decoded decoded = decode(bytes);
        CsvFile file = read(new java.io.StringReader(decoded.text()));
        return new CsvFile(file.header(), file.rows(), decoded.encoding());
    }

    private record Decoded(String text, String encoding) {
    }

    private static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(strict(b, 3, java.nio.charset.StandardCharsets.UTF_8), "UTF-8 with BOM");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(strict(b, 2, java.nio.charset.StandardCharsets.UTF_16LE), "UTF-16LE with BOM");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(strict(b, 2, java.nio.charset.StandardCharsets.UTF_16BE), "UTF-16BE with BOM");
        }
        try {
            return new Decoded(java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b)).toString(), "UTF-8");
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            // Windows-1252 maps every byte but five; those few become U+FFFD rather than failing the import.
            return new Decoded(new String(b, java.nio.charset.Charset.forName("windows-1252")), "Windows-1252");
        }
    }

    private static String strict(byte[] bytes, int offset, java.nio.charset.Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.wrongCharset", charset.name()), e);
        }
    }

    /** One row's outcome: its row in the spreadsheet (the header is row 1), what it would create, and what is wrong with it. */
    public record RowReport(int line, Map<String, String> values, List<Text> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The row's problems in the client's language. */
        public List<String> errors() {
            return problems.stream().map(Text::localized).toList();
        }
    }

    /** The preview: every row's report; the import may run only when {@link #valid()}. */
    public record Preview(List<RowReport> rows) {
        public boolean valid() {
            return !rows.isEmpty() && rows.stream().allMatch(RowReport::ok);
        }

        public long errorCount() {
            return rows.stream().filter(r -> !r.ok()).count();
        }
    }

    /** Reads a CSV with a header line; the delimiter (comma, semicolon or tab) is recognised from the header. */
    public static CsvFile read(Reader in) {
        try {
            String text = new String(readAll(in));
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String firstLine = text.lines().findFirst().orElse("");
            char delimiter = delimiterOf(firstLine);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).build();
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(text, format)) {
                for (CSVRecord record : parser) {
                    List<String> values = record.toList();
                    if (header == null) {
                        header = values.stream().map(String::strip).toList();
                    } else {
                        if (rows.size() >= MAX_ROWS) {
                            throw new WorklineException(Problem.INVALID_INPUT,
                                    Text.of("crm.import.tooManyRows", MAX_ROWS));
                        }
                        rows.add(values);
                    }
                }
            }
            if (header == null) {
                throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.empty"));
            }
            return new CsvFile(header, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.unreadable", String.valueOf(e.getMessage())), e);
        }
    }

    /** The most frequent of comma, semicolon and tab in the header line (comma when none occurs). */
    private static char delimiterOf(String header) {
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long n = header.chars().filter(c -> c == candidate).count();
            if (n > most) {
                best = candidate;
                most = n;
            }
        }
        return best;
    }

    private static char[] readAll(Reader in) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString().toCharArray();
    }

    /** A mapping proposed from the header names (e.g. "E-Mail" → email, "Company" → name). */
    public static Map<String, String> suggestMapping(List<String> header) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String column : header) {
            String key = column.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            String field = switch (key) {
                case "name", "company", "customer", "companyname", "customername" -> "name";
                case "status" -> "status";
                case "email", "mail" -> "email";
                case "phone", "telephone", "tel" -> "phone";
                case "website", "web", "url" -> "website";
                case "industry" -> "industry";
                case "taxid", "vat", "vatid", "taxnumber" -> "taxId";
                case "tags" -> "tags";
                case "contactfirstname", "firstname" -> "contactFirstName";
                case "contactlastname", "lastname", "contact" -> "contactLastName";
                case "contactemail" -> "contactEmail";
                case "contactphone" -> "contactPhone";
                default -> null;
            };
            if (field != null && !mapping.containsValue(field)) {
                mapping.put(column, field);
            }
        }
        return mapping;
    }

    /** Checks every row against the rules and for duplicates; writes nothing. */
    public Preview preview(CsvFile file, Map<String, String> mapping) {
        return db.inTenant(session -> check(session, file, mapping));
    }

    /**
     * Imports all rows in one transaction, after checking them again: if any row has an error, nothing is
     * written and the report says why. Returns the report of the committed rows.
     */
    public Preview commit(CsvFile file, Map<String, String> mapping) {
        return db.inTenant(session -> {
            Preview preview = check(session, file, mapping);
            if (!preview.valid()) {
                return preview;
            }
            for (RowReport row : preview.rows()) {
                Map<String, String> v = row.values();
                java.util.UUID customer = session.createNativeQuery("""
                                INSERT INTO app.customers (organization_id, name, status, email, phone, website, industry,
                                                           tax_id, tags, owner_id)
                                VALUES (sec.current_tenant(), :name, :status, :email, :phone, :website, :industry,
                                        :taxId, :tags, sec.current_user_id())
                                RETURNING id""", java.util.UUID.class)
                        .setParameter("name", v.get("name"))
                        .setParameter("status", v.getOrDefault("status", "lead"))
                        .setParameter("email", v.get("email")).setParameter("phone", v.get("phone"))
                        .setParameter("website", v.get("website")).setParameter("industry", v.get("industry"))
                        .setParameter("taxId", v.get("taxId"))
                        .setParameter("tags", v.get("tags") == null ? new String[0]
                                : java.util.Arrays.stream(v.get("tags").split("[,;]")).map(String::strip)
                                .filter(t -> !t.isEmpty()).distinct().toArray(String[]::new))
                        .getSingleResult();
                if (v.get("contactLastName") != null) {
                    session.createNativeQuery("""
                                    INSERT INTO app.contacts (organization_id, customer_id, first_name, last_name, email, phone,
                                                              is_primary)
                                    VALUES (sec.current_tenant(), :customer, :first, :last, :email, :phone, true)""")
                            .setParameter("customer", customer).setParameter("first", v.get("contactFirstName"))
                            .setParameter("last", v.get("contactLastName")).setParameter("email", v.get("contactEmail"))
                            .setParameter("phone", v.get("contactPhone")).executeUpdate();
                }
            }
            return preview;
        });
    }

    private static Preview check(Session session, CsvFile file, Map<String, String> mapping) {
        if (!mapping.containsValue("name")) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.nameColumnRequired"));
        }
        Map<String, Integer> columnIndex = new HashMap<>();
        for (int i = 0; i < file.header().size(); i++) {
            columnIndex.put(file.header().get(i), i);
        }
        List<Map<String, String>> values = new ArrayList<>();
        for (List<String> row : file.rows()) {
            Map<String, String> v = new LinkedHashMap<>();
            mapping.forEach((column, field) -> {
                Integer index = columnIndex.get(column);
                if (index != null && index < row.size() && !row.get(index).isBlank()) {
                    v.put(field, row.get(index).strip());
                }
            });
            values.add(v);
        }
        Set<String> existingEmails = existing(session, "lower(email)", values.stream().map(v -> v.get("email")).toList());
        Set<String> existingTaxIds = existing(session, "lower(tax_id)", values.stream().map(v -> v.get("taxId")).toList());
        Map<String, Integer> emailsInFile = new HashMap<>();
        Map<String, Integer> taxIdsInFile = new HashMap<>();
        List<RowReport> reports = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, String> v = values.get(i);
            int line = i + 2; // spreadsheet row: the header is row 1
            List<Text> errors = new ArrayList<>();
            if (v.get("name") == null) {
                errors.add(Text.of("crm.import.row.nameMissing"));
            } else if (v.get("name").length() > 200) {
                errors.add(Text.of("crm.import.row.nameTooLong"));
            }
            if (v.get("status") != null) {
                String status = v.get("status").toLowerCase(Locale.ROOT);
                if (List.of("lead", "prospect", "active", "inactive", "churned").contains(status)) {
                    v.put("status", status);
                } else {
                    errors.add(Text.of("crm.import.row.unknownStatus", v.get("status")));
                }
            }
            for (String field : List.of("email", "contactEmail")) {
                if (v.get(field) != null && !Checks.email(v.get(field))) {
                    errors.add(Text.of("crm.import.row.emailInvalid", v.get(field)));
                }
            }
            if (v.get("contactFirstName") != null && v.get("contactLastName") == null) {
                errors.add(Text.of("crm.import.row.contactLastNameMissing"));
            }
            String email = v.get("email") == null ? null : v.get("email").toLowerCase(Locale.ROOT);
            String taxId = v.get("taxId") == null ? null : v.get("taxId").toLowerCase(Locale.ROOT);
            if (email != null && existingEmails.contains(email)) {
                errors.add(Text.of("crm.import.row.emailExists", v.get("email")));
            }
            if (taxId != null && existingTaxIds.contains(taxId)) {
                errors.add(Text.of("crm.import.row.taxIdExists", v.get("taxId")));
            }
            if (email != null && emailsInFile.containsKey(email)) {
                errors.add(Text.of("crm.import.row.sameEmailAsRow", emailsInFile.get(email)));
            }
            if (taxId != null && taxIdsInFile.containsKey(taxId)) {
                errors.add(Text.of("crm.import.row.sameTaxIdAsRow", taxIdsInFile.get(taxId)));
            }
            if (email != null) {
                emailsInFile.putIfAbsent(email, line);
            }
            if (taxId != null) {
                taxIdsInFile.putIfAbsent(taxId, line);
            }
            reports.add(new RowReport(line, Map.copyOf(v), List.copyOf(errors)));
        }
        return new Preview(List.copyOf(reports));
    }

    /** Which of these values (lower-cased) customers of the organization already have, in one query. */
    private static Set<String> existing(Session session, String column, List<String> candidates) {
        String[] wanted = candidates.stream().filter(java.util.Objects::nonNull).map(s -> s.toLowerCase(Locale.ROOT))
                .distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return Set.of();
        }
        return Set.copyOf(session.createNativeQuery("SELECT " + column + " FROM app.customers WHERE organization_id = "
                        + "sec.current_tenant() AND deleted_at IS NULL AND " + column + " = ANY (:wanted)", String.class)
                .setParameter("wanted", wanted).getResultList());
    }
}
