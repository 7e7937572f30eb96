package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.Json;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.Values;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Customers: the keyset-paged, searchable list, the record, creation with a number from the series,
 * optimistic-locked updates, and soft deletion (managers and above; the database enforces it too).
 */
public final class CustomerService {
    /** Up to this many matches are counted exactly; beyond, the planner estimates. */
    public static final int EXACT_COUNT_LIMIT = 10_000;

    private final TenantDatabase db;

    public CustomerService(TenantDatabase db) {
        this.db = db;
    }

    // ----- the list ----------------------------------------------------------------------------------

    /**
     * A page of the list: one statement, run without a Hibernate session in one transaction that sets the tenant
     * first (see {@link TenantDatabase#read}).
     */
    public CustomerPage list(CustomerQuery query, CustomerPage.Cursor after, int pageSize) {
        SqlBuilder.Positional statement = listStatement(query, after, pageSize);
        return db.read(statement.sql(), statement.parameters(), rs -> {
            List<CustomerRow> rows = new ArrayList<>(pageSize + 1);
            int lastPhase = 0;
            while (rs.next()) {
                java.sql.Array tags = rs.getArray(9);
                rows.add(new CustomerRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        CustomerStatus.fromDatabase(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getObject(7, UUID.class), rs.getString(8),
                        tags == null ? List.of() : List.of((String[]) tags.getArray()),
                        Json.parseObject(rs.getString(10)), rs.getObject(11, OffsetDateTime.class), rs.getString(12),
                        rs.getObject(14, OffsetDateTime.class)));
                if (rows.size() <= pageSize) {
                    lastPhase = rs.getInt(13);
                }
            }
            CustomerPage.Cursor next = null;
            if (rows.size() > pageSize) {
                rows.remove(rows.size() - 1);
                CustomerRow last = rows.get(rows.size() - 1);
                next = new CustomerPage.Cursor(last.sortKey(), last.id(), lastPhase);
            }
            return new CustomerPage(List.copyOf(rows), next);
        });
    }

    /**
     * The statement and bind parameters of a list page exactly as {@link #list} sends them (after the tenant is
     * set): public for the benchmark's plain-JDBC baseline.
     */
    public SqlBuilder.Positional listStatement(CustomerQuery query, CustomerPage.Cursor after, int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("page size 1..500");
        }
        boolean ranked = rankedSearch(query);
        SqlBuilder sql = ranked ? rankedSearchPage(query, after, pageSize + 1) : filtered(query, db.currentTenant());
        String sortKey = sortKeyExpression(query.sort());
        String direction = query.descending() ? "DESC" : "ASC";
        if (after != null && !ranked) {
            String keyType = query.sort() == CustomerQuery.Sort.CREATED ? "timestamptz" : "text";
            sql.where("(" + sortKey + ", c.id) " + (query.descending() ? "<" : ">") + " (CAST(:afterKey AS " + keyType
                            + "), :afterId)")
                    .bind("afterKey", after.sortKey()).bind("afterId", after.id());
        }
        String text = """
                SELECT c.id, c.number, c.name, c.status, c.email, c.phone, c.owner_id,
                       coalesce(u.display_name, u.first_name || ' ' || u.last_name), c.tags, c.custom_fields::text,
                       c.created_at, %s::text, %s, c.deleted_at
                  FROM app.customers c LEFT JOIN sec.users u ON u.id = c.owner_id %s
                 WHERE %s
                 ORDER BY %s%s %s, c.id %s
                 LIMIT :limit""".formatted(sortKey, ranked ? "r.phase" : "0",
                ranked ? RANKED_SEARCH_JOIN : "", sql.conditions(), ranked ? "r.phase, " : "", sortKey, direction,
                direction);
        sql.bind("limit", pageSize + 1);
        return SqlBuilder.positional(text, sql.parameters());
    }

    /**
     * Exact up to {@link #EXACT_COUNT_LIMIT}, else an estimate: never a full count of a huge table. For a search
     * (3 letters or more) see {@link #countStatements}: a sampled estimate first, the exact count only when that
     * estimate is small.
     */
    public CustomerCount count(CustomerQuery query) {
        if (searchCounted(query)) {
            return db.readWith(c -> {
                List<SqlBuilder.Positional> statements = countStatements(query, samplePercent(c));
                long estimate = Math.round(single(c, statements.get(0)));
                if (estimate > SAMPLED_EXACT_LIMIT) {
                    return new CustomerCount(estimate, false);
                }
                long exact = Math.round(single(c, statements.get(1)));
                if (exact <= SAMPLED_EXACT_LIMIT) {
                    return new CustomerCount(exact, true);
                }
                // The sample missed most matches; the exact count found more than it counts: a lower bound.
                return new CustomerCount(Math.max(estimate, exact), false);
            });
        }
        return db.inTenant(session -> {
            SqlBuilder sql = filtered(query, db.currentTenant());
            NativeQuery<Long> capped = session.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM app.customers c WHERE "
                    + sql.conditions() + " LIMIT " + (EXACT_COUNT_LIMIT + 1) + ") capped", Long.class);
            sql.applyTo(capped);
            long exact = capped.getSingleResult();
            if (exact <= EXACT_COUNT_LIMIT) {
                return new CustomerCount(exact, true);
            }
            NativeQuery<String> explain = session.createNativeQuery("EXPLAIN (FORMAT JSON) SELECT 1 FROM app.customers c WHERE "
                    + sql.conditions(), String.class);
            sql.applyTo(explain);
            long estimate = Json.planRows(String.join("", explain.getResultList()));
            return new CustomerCount(Math.max(estimate, EXACT_COUNT_LIMIT + 1L), false);
        });
    }

    /** A search whose matches are estimated by a sample (up to this many are then counted exactly). */
    static final int SAMPLED_EXACT_LIMIT = 2 * EXACT_COUNT_LIMIT;
    /** About this many rows of app.customers are sampled (whole pages, TABLESAMPLE SYSTEM) for an estimate. */
    static final int SAMPLE_ROWS = 2_000;

    private static boolean searchCounted(CustomerQuery query) {
        return query.search() != null && query.search().strip().length() >= 3;
    }

    /**
     * The count of a search, as two statements run after the tenant is set: (0) an estimate from a sample of
     * the table's pages (about {@link #SAMPLE_ROWS} rows, under RLS like any read, scaled up by the sampled
     * fraction: a real estimate, never a cap), (1) the exact count, capped at {@link #SAMPLED_EXACT_LIMIT} + 1,
     * run only if the estimate is at most {@link #SAMPLED_EXACT_LIMIT}. Public for the benchmark's baseline.
     */
    public List<SqlBuilder.Positional> countStatements(CustomerQuery query, double samplePercent) {
        String term = query.search().strip().toLowerCase(java.util.Locale.ROOT);
        SqlBuilder others = filtered(query.withSearch(null), db.currentTenant());
        Map<String, Object> values = new java.util.LinkedHashMap<>(others.parameters());
        values.put("pattern", SqlBuilder.containing(term));
        String estimate = """
                SELECT count(*) * 100.0 / %2$s FROM app.customers c TABLESAMPLE SYSTEM (%2$s) REPEATABLE (8)
                 WHERE %1$s AND (c.search_text LIKE :pattern
                                 OR EXISTS (SELECT 1 FROM app.contacts t
                                             WHERE t.organization_id = c.organization_id AND t.customer_id = c.id
                                               AND t.search_text LIKE :pattern))""".formatted(others.conditions(),
                String.format(java.util.Locale.ROOT, "%.4f", samplePercent));
        String exact = """
                SELECT count(*) FROM (
                  SELECT c.id FROM app.customers c WHERE %1$s AND c.search_text LIKE :pattern
                  UNION
                  SELECT c.id FROM app.customers c JOIN app.contacts t ON t.organization_id = c.organization_id AND t.customer_id = c.id
                   WHERE %1$s AND t.search_text LIKE :pattern
                  LIMIT %2$d) capped""".formatted(others.conditions(), SAMPLED_EXACT_LIMIT + 1);
        return List.of(SqlBuilder.positional(estimate, values), SqlBuilder.positional(exact, values));
    }

    /**
     * The percentage of the table's pages that holds about {@link #SAMPLE_ROWS} rows (from the table's statistics).
     * It is written into the statement as a number computed here, so that the planner knows how few rows the
     * sample has (as a parameter it assumes many, and checks every matching contact instead).
     */
    public static double samplePercent(java.sql.Connection c) throws java.sql.SQLException {
        double rows = single(c, new SqlBuilder.Positional(
                "SELECT reltuples FROM pg_catalog.pg_class WHERE oid = 'app.customers'::regclass", List.of()));
        return Math.min(100.0, Math.max(0.01, SAMPLE_ROWS * 100.0 / Math.max(rows, 1.0)));
    }

    private static double single(java.sql.Connection c, SqlBuilder.Positional statement) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(statement.sql())) {
            // Always planned for the actual term (a generic plan of a LIKE pattern can cost a hundred times more).
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < statement.parameters().size(); i++) {
                ps.setObject(i + 1, statement.parameters().get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : 0;
            }
        }
    }

    /**
     * A plain search in name order is ranked: names starting with the term first, then the other matches
     * (see V4, customer_search_ranked, which finds the page itself).
     */
    private static boolean rankedSearch(CustomerQuery q) {
        return q.search() != null && q.search().strip().length() >= 3 && q.sort() == CustomerQuery.Sort.NAME
                && !q.descending() && q.statuses().isEmpty() && q.ownerId() == null && q.tag() == null
                && q.customFieldKey() == null && !q.includeDeleted();
    }

    private static final String RANKED_SEARCH_JOIN = """
            JOIN sec.customer_search_ranked(:term, :pattern, CAST(:afterPhase AS integer), CAST(:afterName AS text),
                                            CAST(:afterId AS uuid), :pageLimit) r ON r.id = c.id""";

    private SqlBuilder rankedSearchPage(CustomerQuery query, CustomerPage.Cursor after, int limit) {
        String term = query.search().strip().toLowerCase(java.util.Locale.ROOT);
        SqlBuilder sql = new SqlBuilder();
        sql.where("c.organization_id = :tenant").bind("tenant", db.currentTenant())
                .bind("term", term)
                .bind("pattern", SqlBuilder.containing(term))
                .bind("afterPhase", after == null ? null : after.phase())
                .bind("afterName", after == null ? null : after.sortKey())
                .bind("afterId", after == null ? null : after.id())
                .bind("pageLimit", limit);
        return sql;
    }

    private static String sortKeyExpression(CustomerQuery.Sort sort) {
        return switch (sort) {
            case NAME -> "c.sort_name";
            case NUMBER -> "c.number";
            case CREATED -> "c.created_at";
        };
    }

    /**
     * The list's WHERE clause. The tenant is bound as a value (RLS checks it again): with a constant the planner
     * uses the organization's statistics and index bounds, which a function call would hide from it.
     */
    private static SqlBuilder filtered(CustomerQuery query, UUID tenant) {
        SqlBuilder sql = new SqlBuilder();
        sql.where("c.organization_id = :tenant").bind("tenant", tenant);
        if (!query.includeDeleted()) {
            sql.where("c.deleted_at IS NULL");
        }
        if (query.search() != null && !query.search().isBlank()) {
            String term = query.search().strip().toLowerCase(java.util.Locale.ROOT);
            if (term.length() < 3) {
                // Too short for trigrams: names starting with the term, as a range the name index serves.
                sql.where("c.sort_name >= :prefixFrom AND c.sort_name < :prefixTo")
                        .bind("prefixFrom", term)
                        .bind("prefixTo", term.substring(0, term.length() - 1) + (char) (term.charAt(term.length() - 1) + 1));
            } else {
                sql.where("c.id IN (SELECT id FROM sec.customer_search(:search))")
                        .bind("search", SqlBuilder.containing(term));
            }
        }
        if (!query.statuses().isEmpty()) {
            sql.where("c.status = ANY (:statuses)")
                    .bind("statuses", query.statuses().stream().map(CustomerStatus::databaseValue).toArray(String[]::new));
        }
        if (query.ownerId() != null) {
            sql.where("c.owner_id = :owner").bind("owner", query.ownerId());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            sql.where("c.tags @> ARRAY[CAST(:tag AS text)]").bind("tag", query.tag().strip());
        }
        if (query.customFieldKey() != null && query.customFieldValue() != null) {
            sql.whereCustomField("c", query.customFieldKey(), query.customFieldValue());
        }
        return sql;
    }

    // ----- the record --------------------------------------------------------------------------------

    /** The record as the form shows it: one statement, without a Hibernate session (see {@link TenantDatabase#read}). */
    public CustomerDetails load(UUID id) {
        SqlBuilder.Positional statement = recordStatement(id);
        CustomerDetails details = db.read(statement.sql(), statement.parameters(), rs -> {
            if (!rs.next()) {
                return null;
            }
            java.sql.Array tags = rs.getArray(15);
            int rating = rs.getInt(16);
            boolean noRating = rs.wasNull();
            int terms = rs.getInt(12);
            boolean noTerms = rs.wasNull();
            return new CustomerDetails(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    CustomerType.fromDatabase(rs.getString(4)), CustomerStatus.fromDatabase(rs.getString(5)),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getString(11), noTerms ? null : terms, rs.getBigDecimal(13), rs.getObject(14, UUID.class),
                    tags == null ? List.of() : List.of((String[]) tags.getArray()), noRating ? null : rating,
                    rs.getString(17), Map.copyOf(Json.parseObject(rs.getString(18))), rs.getInt(19));
        });
        if (details == null) {
            throw new WorklineException(Problem.NOT_FOUND, Text.of("crm.customer.notFound"));
        }
        return details;
    }

    /** The statement and bind parameters of {@link #load}: public for the benchmark's plain-JDBC baseline. */
    public SqlBuilder.Positional recordStatement(UUID id) {
        return new SqlBuilder.Positional("""
                SELECT c.id, c.number, c.name, c.customer_type, c.status, c.industry, c.website, c.email, c.phone,
                       c.tax_id, c.currency, c.payment_terms_days, c.credit_limit, c.owner_id, c.tags, c.rating, c.notes,
                       c.custom_fields::text, c.version
                  FROM app.customers c WHERE c.organization_id = ? AND c.id = ?""", List.of(db.currentTenant(), id));
    }

    public CustomerDetails create(CustomerDetails details) {
        return db.inTenant(session -> {
            CustomerDetails valid = validate(session, details);
            Customer customer = new Customer(UUID.randomUUID());
            customer.apply(valid);
            session.persist(customer);
            session.flush();
            return customer.toDetails();
        });
    }

    /** Saves changes if nobody saved the customer since it was loaded, else {@link CustomerConflictException}. */
    public CustomerDetails update(CustomerDetails details) {
        try {
            return db.inTenant(session -> {
                CustomerDetails valid = validate(session, details);
                Customer customer = find(session, details.id());
                if (customer.version() != details.version()) {
                    throw new CustomerConflictException(customer.toDetails());
                }
                customer.apply(valid);
                session.flush();
                return customer.toDetails();
            });
        } catch (WorklineException e) {
            if (e.problem() == Problem.CONFLICT && !(e instanceof CustomerConflictException)) {
                throw new CustomerConflictException(load(details.id()));
            }
            throw e;
        }
    }

    /** Soft-deletes: the customer leaves the lists but its history stays. Managers and above. */
    public void delete(UUID id) {
        setDeleted(id, OffsetDateTime.now());
    }

    public void restore(UUID id) {
        setDeleted(id, null);
    }

    private void setDeleted(UUID id, OffsetDateTime at) {
        db.inTenant(session -> {
            find(session, id).markDeleted(at);
            session.flush();
            return null;
        });
    }

    private static Customer find(Session session, UUID id) {
        Customer customer = session.find(Customer.class, id);
        if (customer == null) {
            throw new WorklineException(Problem.NOT_FOUND, Text.of("crm.customer.notFound"));
        }
        return customer;
    }

    private static CustomerDetails validate(Session session, CustomerDetails d) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(d.name() != null && !d.name().isBlank(), "name", Text.of("crm.customer.nameRequired"))
                .check(d.name() == null || d.name().length() <= 200, "name", Text.of("field.text.tooLong", 200))
                .check(d.type() != null, "type", Text.of("crm.customer.typeRequired"))
                .check(d.status() != null, "status", Text.of("crm.customer.statusRequired"))
                .check(Checks.optionalEmail(d.email()), "email",
                        Text.of("field.email.invalid"))
                .check(Checks.optionalCurrency(d.currency()), "currency",
                        Text.of("field.currency.code"))
                .check(d.paymentTermsDays() == null || d.paymentTermsDays() >= 0 && d.paymentTermsDays() <= 365,
                        "paymentTermsDays", Text.of("field.days.outOfRange", 0, 365))
                .check(Checks.optionalMoney(d.creditLimit()),
                        "creditLimit", Text.of("field.money.invalid"))
                .check(d.rating() == null || d.rating() >= 0 && d.rating() <= 5, "rating", Text.of("crm.customer.ratingInvalid"));
        Map<String, Object> custom = CustomFieldService.validate(CustomFieldService.definitions(session, "customer"),
                d.customFields(), errors);
        errors.throwIfAny();
        return new CustomerDetails(d.id(), d.number(), d.name(), d.type(), d.status(), d.industry(), d.website(), d.email(),
                d.phone(), d.taxId(), d.currency(), d.paymentTermsDays(),
                d.creditLimit() == null ? null : d.creditLimit().setScale(2, java.math.RoundingMode.UNNECESSARY),
                d.ownerId(), d.tags(), d.rating(), d.notes(), custom, d.version());
    }
}
