package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.csv.CsvImport;
import com.workline.persistence.csv.ImportReport;
import com.workline.persistence.csv.ImportRow;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.io.Reader;
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

    private final TenantDatabase db;

    public CustomerImport(TenantDatabase db) {
        this.db = db;
    }

    /**
     * The file's header and rows, and the encoding they were read in (see {@link com.workline.persistence.csv.CsvFile},
     * which reads it: the import's own type is kept for its callers).
     */
    public record CsvFile(List<String> header, List<List<String>> rows, String encoding) {
        public CsvFile(List<String> header, List<List<String>> rows) {
            this(header, rows, null);
        }

        static CsvFile of(com.workline.persistence.csv.CsvFile file) {
            return new CsvFile(file.header(), file.rows(), file.encoding());
        }
    }

    /** Reads a CSV file's bytes, recognising the encoding (see {@link com.workline.persistence.csv.CsvFile#read(byte[])}). */
    public static CsvFile read(byte[] bytes) {
        return CsvFile.of(com.workline.persistence.csv.CsvFile.read(bytes));
    }

    /** Reads a CSV with a header line; the delimiter (comma, semicolon or tab) is recognised from the header. */
    public static CsvFile read(Reader in) {
        return CsvFile.of(com.workline.persistence.csv.CsvFile.read(in));
    }

    /** One row's outcome: its row in the spreadsheet (the header is row 1), what it would create, and what is wrong with it. */
    public record RowReport(int line, Map<String, String> values, List<Text> problems) implements ImportRow {
    }

    /** The preview: every row's report; the import may run only when {@link #valid()}. */
    public record Preview(List<RowReport> rows) implements ImportReport<RowReport> {
        static Preview of(com.workline.persistence.csv.Preview shared) {
            return new Preview(shared.rows().stream().map(r -> new RowReport(r.line(), r.values(), r.problems())).toList());
        }
    }

    /** A mapping proposed from the header names (e.g. "E-Mail" → email, "Company" → name). */
    public static Map<String, String> suggestMapping(List<String> header) {
        return CsvImport.suggestMapping(header, key -> switch (key) {
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
        });
    }

    /** Checks every row against the rules and for duplicates; writes nothing. */
    public Preview preview(CsvFile file, Map<String, String> mapping) {
        return Preview.of(db.inTenant(session -> check(session, file, mapping)));
    }

    /**
     * Imports all rows in one transaction, after checking them again: if any row has an error, nothing is
     * written and the report says why. Returns the report of the committed rows.
     */
    public Preview commit(CsvFile file, Map<String, String> mapping) {
        return Preview.of(CsvImport.commit(db, session -> check(session, file, mapping), (session, row) -> {
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
        }));
    }

    private static com.workline.persistence.csv.Preview check(Session session, CsvFile file, Map<String, String> mapping) {
        if (!mapping.containsValue("name")) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("crm.import.nameColumnRequired"));
        }
        List<Map<String, String>> values = CsvImport.values(file.header(), file.rows(), mapping);
        Set<String> existingEmails = existing(session, "lower(email)", values.stream().map(v -> v.get("email")).toList());
        Set<String> existingTaxIds = existing(session, "lower(tax_id)", values.stream().map(v -> v.get("taxId")).toList());
        CsvImport.FirstSeen emailsInFile = new CsvImport.FirstSeen();
        CsvImport.FirstSeen taxIdsInFile = new CsvImport.FirstSeen();
        return CsvImport.report(values, (line, v, errors) -> {
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
            Integer sameEmail = emailsInFile.earlier(email, line);
            if (sameEmail != null) {
                errors.add(Text.of("crm.import.row.sameEmailAsRow", sameEmail));
            }
            Integer sameTaxId = taxIdsInFile.earlier(taxId, line);
            if (sameTaxId != null) {
                errors.add(Text.of("crm.import.row.sameTaxIdAsRow", sameTaxId));
            }
        });
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
