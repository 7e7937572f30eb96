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

    public CustomerPage list(CustomerQuery query, CustomerPage.Cursor after, int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("page size 1..500");
        }
        boolean ranked = rankedSearch(query);
        return db.inTenant(session -> {
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
            NativeQuery<Object[]> q = session.createNativeQuery(text, Object[].class);
            sql.applyTo(q);
            q.setParameter("limit", pageSize + 1);
            List<CustomerRow> rows = new ArrayList<>();
            int lastPhase = 0;
            for (Object[] r : q.getResultList()) {
                rows.add(new CustomerRow((UUID) r[0], (String) r[1], (String) r[2], CustomerStatus.fromDatabase((String) r[3]),
                        (String) r[4], (String) r[5], (UUID) r[6], (String) r[7], List.of((String[]) r[8]),
                        Json.parseObject((String) r[9]), Values.toOffsetDateTime(r[10]), (String) r[11],
                        r[13] == null ? null : Values.toOffsetDateTime(r[13])));
                if (rows.size() <= pageSize) {
                    lastPhase = ((Number) r[12]).intValue();
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

    /** Exact up to {@link #EXACT_COUNT_LIMIT}, else the planner's estimate: never a full count of a huge table. */
    public CustomerCount count(CustomerQuery query) {
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

    public CustomerDetails load(UUID id) {
        return db.inTenant(session -> find(session, id).toDetails());
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
