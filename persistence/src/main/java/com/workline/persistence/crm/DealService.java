package com.workline.persistence.crm;

import com.workline.persistence.common.Text;
import com.workline.persistence.db.SqlBuilder;
import com.workline.persistence.common.Json;
import com.workline.persistence.common.Checks;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The deals pipeline: the kanban board of a pipeline (two queries whatever its size), and moving a deal to
 * another stage (the probability follows the stage unless it was overridden; won/lost stages close it).
 */
public final class DealService {
    private final TenantDatabase db;

    public DealService(TenantDatabase db) {
        this.db = db;
    }

    public UUID defaultPipeline() {
        return db.inTenant(session -> session.createNativeQuery(
                "SELECT id FROM app.pipelines WHERE organization_id = sec.current_tenant() AND is_default AND deleted_at IS NULL",
                UUID.class).getSingleResult());
    }

    /** The organization's base currency, in which the board adds up its columns. */
    public String baseCurrency() {
        return db.inTenant(session -> session.createNativeQuery(
                "SELECT base_currency FROM app.organizations WHERE id = sec.current_tenant()", String.class).getSingleResult());
    }

    /**
     * The board: every stage with totals and its top {@code cardsPerColumn} deals by value. Won and lost
     * columns hold the deals closed in the last 90 days (older ones are history, not pipeline).
     */
    public List<BoardColumn> board(UUID pipelineId, int cardsPerColumn) {
        return db.inTenant(session -> board(session, pipelineId, cardsPerColumn));
    }

    static List<BoardColumn> board(Session session, UUID pipelineId, int cardsPerColumn) {
        Map<UUID, List<DealCard>> cards = new LinkedHashMap<>();
        for (Object[] r : session.createNativeQuery(BOARD_CARDS, Object[].class)
                .setParameter("pipeline", pipelineId).setParameter("limit", cardsPerColumn).getResultList()) {
            cards.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new DealCard((UUID) r[1], (String) r[2],
                    (UUID) r[3], (String) r[4], (BigDecimal) r[5], (String) r[6], (BigDecimal) r[7],
                    r[8] == null ? null : toLocalDate(r[8]), (String) r[9], ((Number) r[10]).intValue()));
        }
        List<BoardColumn> columns = new ArrayList<>();
        for (Object[] r : session.createNativeQuery(BOARD_COLUMNS, Object[].class)
                .setParameter("pipeline", pipelineId).getResultList()) {
            UUID stage = (UUID) r[0];
            columns.add(new BoardColumn(stage, (String) r[1], (BigDecimal) r[2], (Boolean) r[3], (Boolean) r[4],
                    List.copyOf(cards.getOrDefault(stage, List.of())), ((Number) r[5]).longValue(),
                    (BigDecimal) r[6], ((BigDecimal) r[7]).setScale(2, RoundingMode.HALF_UP)));
        }
        return columns;
    }

    /** The SQL of the board, public for the benchmark's plain-JDBC floor. */
    public static final String BOARD_COLUMNS = """
            SELECT s.id, s.name, s.probability, s.is_won, s.is_lost, coalesce(t.n, 0), coalesce(t.total, 0),
                   coalesce(t.weighted, 0)
              FROM app.pipeline_stages s
              LEFT JOIN (
                    SELECT x.stage_id, sum(x.n) AS n, sum(x.total) AS total, sum(x.weighted) AS weighted FROM (
                        SELECT d.stage_id, count(*) AS n, sum(d.value) AS total, sum(d.value * d.probability / 100) AS weighted
                          FROM app.deals d
                         WHERE d.organization_id = sec.current_tenant() AND d.pipeline_id = :pipeline
                           AND d.deleted_at IS NULL AND d.status = 'open'
                         GROUP BY d.stage_id
                        UNION ALL
                        SELECT d.stage_id, count(*), sum(d.value), sum(d.value * d.probability / 100)
                          FROM app.deals d
                         WHERE d.organization_id = sec.current_tenant() AND d.pipeline_id = :pipeline
                           AND d.deleted_at IS NULL AND d.status IN ('won', 'lost') AND d.actual_close_date >= current_date - 90
                         GROUP BY d.stage_id) x
                     GROUP BY x.stage_id) t ON t.stage_id = s.id
             WHERE s.organization_id = sec.current_tenant() AND s.pipeline_id = :pipeline AND s.deleted_at IS NULL
             ORDER BY s.position""";

    public static final String BOARD_CARDS = """
            SELECT s.id, d.id, d.title, d.customer_id, c.name, d.value, d.currency, d.probability, d.expected_close_date,
                   coalesce(u.display_name, u.first_name || ' ' || u.last_name), d.version
              FROM app.pipeline_stages s
              CROSS JOIN LATERAL (
                    SELECT * FROM app.deals x
                     WHERE x.organization_id = s.organization_id AND x.pipeline_id = s.pipeline_id AND x.stage_id = s.id
                       AND x.deleted_at IS NULL AND (x.status = 'open' OR x.actual_close_date >= current_date - 90)
                     ORDER BY x.value DESC, x.id LIMIT :limit) d
              JOIN app.customers c ON c.organization_id = d.organization_id AND c.id = d.customer_id
              LEFT JOIN sec.users u ON u.id = d.owner_id
             WHERE s.organization_id = sec.current_tenant() AND s.pipeline_id = :pipeline AND s.deleted_at IS NULL
             ORDER BY s.position, d.value DESC, d.id""";

    /** Creates an open deal in the pipeline's first stage; returns its id. */
    public UUID create(String title, UUID customerId, BigDecimal value, String currency, LocalDate expectedClose) {
        ValidationException.Collector errors = new ValidationException.Collector();
        errors.check(title != null && !title.isBlank(), "title", Text.of("crm.deal.titleRequired"))
                .check(value != null && value.signum() >= 0, "value", Text.of("crm.deal.valuePositive"))
                .check(Checks.currency(currency), "currency", Text.of("crm.deal.currencyCode"))
                .check(customerId != null, "customer", Text.of("crm.deal.customerRequired"))
                .throwIfAny();
        return db.inTenant(session -> session.createNativeQuery("""
                        INSERT INTO app.deals (organization_id, title, customer_id, pipeline_id, stage_id, value, currency,
                                               probability, expected_close_date, owner_id)
                        SELECT s.organization_id, :title, :customer, s.pipeline_id, s.id, :value, :currency, s.probability,
                               :close, sec.current_user_id()
                          FROM app.pipeline_stages s JOIN app.pipelines p ON p.organization_id = s.organization_id AND p.id = s.pipeline_id
                         WHERE s.organization_id = sec.current_tenant() AND p.is_default AND p.deleted_at IS NULL
                           AND s.deleted_at IS NULL
                         ORDER BY s.position LIMIT 1
                        RETURNING id""", UUID.class)
                .setParameter("title", title.strip()).setParameter("customer", customerId)
                .setParameter("value", value.setScale(2, RoundingMode.HALF_UP)).setParameter("currency", currency)
                .setParameter("close", expectedClose == null ? null : Date.valueOf(expectedClose))
                .getSingleResult());
    }

    /**
     * Moves a deal to a stage of its pipeline (drag and drop on the board). The deal's probability becomes the
     * stage's unless someone overrode it; a won stage closes the deal as won, a lost stage needs {@code lostReason}.
     */
    public void moveToStage(UUID dealId, int expectedVersion, UUID stageId, String lostReason) {
        db.inTenant(session -> {
            Object[] stage = session.createNativeQuery("""
                            SELECT s.probability, s.is_won, s.is_lost FROM app.pipeline_stages s
                              JOIN app.deals d ON d.organization_id = s.organization_id AND d.pipeline_id = s.pipeline_id
                             WHERE s.organization_id = sec.current_tenant() AND s.id = :stage AND d.id = :deal""", Object[].class)
                    .setParameter("stage", stageId).setParameter("deal", dealId)
                    .getResultStream().findFirst().orElseThrow(() -> new WorklineException(Problem.NOT_FOUND,
                            Text.of("crm.deal.stageNotInPipeline")));
            boolean won = (Boolean) stage[1];
            boolean lost = (Boolean) stage[2];
            if (lost && (lostReason == null || lostReason.isBlank())) {
                new ValidationException.Collector().check(false, "lostReason", Text.of("crm.deal.lostReasonRequired")).throwIfAny();
            }
            int changed = session.createNativeQuery("""
                            UPDATE app.deals
                               SET stage_id = :stage, stage_entered_at = now(),
                                   probability = CASE WHEN probability_overridden THEN probability ELSE :probability END,
                                   status = :status, lost_reason = :reason,
                                   actual_close_date = CASE WHEN :status = 'open' THEN NULL ELSE current_date END,
                                   version = version + 1
                             WHERE organization_id = sec.current_tenant() AND id = :deal AND version = :version""")
                    .setParameter("stage", stageId).setParameter("probability", stage[0])
                    .setParameter("status", won ? "won" : lost ? "lost" : "open")
                    .setParameter("reason", lost ? lostReason.strip() : null)
                    .setParameter("deal", dealId).setParameter("version", expectedVersion)
                    .executeUpdate();
            if (changed == 0) {
                throw new ConcurrentEditException("record.deal");
            }
            return null;
        });
    }

    // ----- the deals list ------------------------------------------------------------------------------

    /** A keyset page of deals with the list's filters; one statement whatever the page size. */
    public DealPage list(DealQuery query, DealPage.Cursor after, int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("page size 1..500");
        }
        SqlBuilder sql = new SqlBuilder();
        sql.where("d.organization_id = :tenant").bind("tenant", db.currentTenant()).where("d.deleted_at IS NULL");
        if (query.search() != null && !query.search().isBlank()) {
            sql.where("(d.title ILIKE :search OR c.name ILIKE :search)")
                    .bind("search", SqlBuilder.containing(query.search().strip()));
        }
        if (query.status() != null) {
            sql.where("d.status = :status").bind("status", query.status());
        }
        if (query.pipelineId() != null) {
            sql.where("d.pipeline_id = :pipeline").bind("pipeline", query.pipelineId());
        }
        if (query.stageId() != null) {
            sql.where("d.stage_id = :stage").bind("stage", query.stageId());
        }
        if (query.ownerId() != null) {
            sql.where("d.owner_id = :owner").bind("owner", query.ownerId());
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            sql.where("d.tags @> ARRAY[CAST(:tag AS text)]").bind("tag", query.tag().strip());
        }
        if (query.customFieldKey() != null && query.customFieldValue() != null) {
            sql.whereCustomField("d", query.customFieldKey(), query.customFieldValue());
        }
        String key = switch (query.sort()) {
            case VALUE -> "d.value";
            case TITLE -> "lower(d.title)";
            case NEWEST -> "d.created_at";
        };
        boolean descending = query.sort() != DealQuery.Sort.TITLE;
        if (after != null) {
            String type = switch (query.sort()) {
                case VALUE -> "numeric";
                case TITLE -> "text";
                case NEWEST -> "timestamptz";
            };
            sql.where("(" + key + ", d.id) " + (descending ? "<" : ">") + " (CAST(:afterKey AS " + type + "), :afterId)")
                    .bind("afterKey", after.sortKey()).bind("afterId", after.id());
        }
        String direction = descending ? "DESC" : "ASC";
        String text = """
                SELECT d.id, d.title, d.customer_id, c.name, p.name, s.name, d.status, d.value, d.currency, d.probability,
                       d.probability_overridden, d.expected_close_date,
                       coalesce(u.display_name, u.first_name || ' ' || u.last_name), d.tags, d.custom_fields::text,
                       d.version, %s::text
                  FROM app.deals d
                  JOIN app.customers c ON c.organization_id = d.organization_id AND c.id = d.customer_id
                  JOIN app.pipelines p ON p.organization_id = d.organization_id AND p.id = d.pipeline_id
                  JOIN app.pipeline_stages s ON s.organization_id = d.organization_id AND s.id = d.stage_id
                  LEFT JOIN sec.users u ON u.id = d.owner_id
                 WHERE %s
                 ORDER BY %s %s, d.id %s
                 LIMIT :limit""".formatted(key, sql.conditions(), key, direction, direction);
        return db.inTenant(session -> {
            var q = session.createNativeQuery(text, Object[].class);
            sql.applyTo(q);
            q.setParameter("limit", pageSize + 1);
            List<DealRow> rows = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Object[] r : q.getResultList()) {
                rows.add(new DealRow((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4], (String) r[5],
                        (String) r[6], (BigDecimal) r[7], (String) r[8], (BigDecimal) r[9], (Boolean) r[10],
                        r[11] == null ? null : toLocalDate(r[11]), (String) r[12], List.of((String[]) r[13]),
                        Json.parseObject((String) r[14]), ((Number) r[15]).intValue()));
                keys.add((String) r[16]);
            }
            DealPage.Cursor next = null;
            if (rows.size() > pageSize) {
                rows.remove(rows.size() - 1);
                next = new DealPage.Cursor(keys.get(rows.size() - 1), rows.get(rows.size() - 1).id());
            }
            return new DealPage(List.copyOf(rows), next);
        });
    }

    /**
     * Overrides a deal's probability ({@code percent}), or with null lets it follow its stage again (it takes
     * the stage's probability at once).
     */
    public void setProbability(UUID dealId, int expectedVersion, BigDecimal percent) {
        new ValidationException.Collector()
                .check(percent == null || percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0,
                        "probability", Text.of("field.percentage.outOfRange"))
                .throwIfAny();
        db.inTenant(session -> {
            int changed = session.createNativeQuery("""
                            UPDATE app.deals d
                               SET probability = coalesce(CAST(:percent AS numeric), s.probability),
                                   probability_overridden = CAST(:percent AS numeric) IS NOT NULL, version = d.version + 1
                              FROM app.pipeline_stages s
                             WHERE d.organization_id = sec.current_tenant() AND d.id = :deal AND d.version = :version
                               AND s.organization_id = d.organization_id AND s.id = d.stage_id""")
                    .setParameter("percent", percent == null ? null : percent.setScale(2, RoundingMode.HALF_UP),
                            BigDecimal.class)
                    .setParameter("deal", dealId).setParameter("version", expectedVersion).executeUpdate();
            if (changed == 0) {
                throw new ConcurrentEditException("record.deal");
            }
            return null;
        });
    }

    // ----- the deal form --------------------------------------------------------------------------------

    /** A deal as the form edits it. */
    public DealDetails load(UUID dealId) {
        return db.inTenant(session -> find(session, dealId));
    }

    /**
     * Saves the form's fields if nobody saved the deal since it was loaded ({@code details.version()}), else
     * {@link DealConflictException} with the stored deal. Stage, status and probability stay as they are.
     */
    public DealDetails update(DealDetails details) {
        if (details.id() == null) {
            throw new IllegalArgumentException("a new deal is created, not updated");
        }
        return db.inTenant(session -> {
            DealDetails valid = validate(session, details);
            int changed = formParameters(session.createNativeQuery("""
                            UPDATE app.deals
                               SET title = :title, customer_id = :customer, contact_id = :contact, value = :value,
                                   currency = :currency, expected_close_date = :close, owner_id = :owner, tags = :tags,
                                   custom_fields = CAST(:custom AS jsonb), version = version + 1
                             WHERE organization_id = sec.current_tenant() AND id = :deal AND version = :version
                               AND deleted_at IS NULL"""), valid)
                    .setParameter("deal", details.id()).setParameter("version", details.version())
                    .executeUpdate();
            if (changed == 0) {
                throw new DealConflictException(find(session, details.id()));
            }
            return find(session, details.id());
        });
    }

    /** Binds the form's fields (title … custom fields) to the statement that writes them. */
    private static <T> org.hibernate.query.NativeQuery<T> formParameters(org.hibernate.query.NativeQuery<T> query,
                                                                          DealDetails valid) {
        return query
                .setParameter("title", valid.title()).setParameter("customer", valid.customerId())
                .setParameter("contact", valid.contactId(), UUID.class).setParameter("value", valid.value())
                .setParameter("currency", valid.currency())
                .setParameter("close", valid.expectedCloseDate() == null ? null : Date.valueOf(valid.expectedCloseDate()),
                            Date.class)
                .setParameter("owner", valid.ownerId(), UUID.class)
                .setParameter("tags", valid.tags().toArray(String[]::new))
                .setParameter("custom", Json.write(valid.customFields()));
    }

    /** Creates an open deal from the form in the default pipeline's first stage. */
    public DealDetails create(DealDetails details) {
        return db.inTenant(session -> {
            DealDetails valid = validate(session, details);
            UUID id = formParameters(session.createNativeQuery("""
                            INSERT INTO app.deals (organization_id, title, customer_id, contact_id, pipeline_id, stage_id, value,
                                                   currency, probability, expected_close_date, owner_id, tags, custom_fields)
                            SELECT s.organization_id, :title, :customer, :contact, s.pipeline_id, s.id, :value, :currency,
                                   s.probability, :close, :owner, :tags, CAST(:custom AS jsonb)
                              FROM app.pipeline_stages s JOIN app.pipelines p ON p.organization_id = s.organization_id AND p.id = s.pipeline_id
                             WHERE s.organization_id = sec.current_tenant() AND p.is_default AND p.deleted_at IS NULL
                               AND s.deleted_at IS NULL
                             ORDER BY s.position LIMIT 1
                            RETURNING id""", UUID.class), valid)
                    .getSingleResult();
            return find(session, id);
        });
    }

    /** Customers whose name contains {@code search} (all, by name, when blank), for the form's customer choice. */
    public List<DealDetails.Choice> customerChoices(String search, int limit) {
        String term = search == null ? "" : search.strip();
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT id, name FROM app.customers
                         WHERE organization_id = sec.current_tenant() AND deleted_at IS NULL
                           AND (:term = '' OR name ILIKE :pattern)
                         ORDER BY sort_name, id LIMIT :limit""", Object[].class)
                .setParameter("term", term).setParameter("pattern", SqlBuilder.containing(term))
                .setParameter("limit", limit)
                .getResultList().stream().map(r -> new DealDetails.Choice((UUID) r[0], (String) r[1])).toList());
    }

    /** The contacts of a customer, primary first. */
    public List<DealDetails.Choice> contactChoices(UUID customerId) {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT id, coalesce(first_name || ' ', '') || last_name FROM app.contacts
                         WHERE organization_id = sec.current_tenant() AND customer_id = :customer
                         ORDER BY is_primary DESC, last_name, first_name, id""", Object[].class)
                .setParameter("customer", customerId)
                .getResultList().stream().map(r -> new DealDetails.Choice((UUID) r[0], (String) r[1])).toList());
    }

    /** The active people of the organization a deal can belong to. */
    public List<DealDetails.Choice> ownerChoices() {
        return db.inTenant(session -> session.createNativeQuery("""
                        SELECT user_id, coalesce(nullif(btrim(display_name), ''), first_name || ' ' || last_name)
                          FROM sec.organization_members
                         WHERE organization_id = sec.current_tenant() AND active
                         ORDER BY 2, 1""", Object[].class)
                .getResultList().stream().map(r -> new DealDetails.Choice((UUID) r[0], (String) r[1])).toList());
    }

    /** The deals' custom fields, in form order. */
    public List<CustomFieldDefinition> customFieldDefinitions() {
        return db.inTenant(session -> CustomFieldService.definitions(session, "deal"));
    }

    /**
     * Whether the signed-in person may change deals (everyone but viewers), for what the form offers; the
     * database's policies decide again on every write.
     */
    public boolean canEdit() {
        return db.inTenant(session -> session.createNativeQuery(
                "SELECT sec.has_role('owner', 'admin', 'manager', 'employee')", Boolean.class).getSingleResult());
    }

    private static DealDetails find(Session session, UUID dealId) {
        Object[] r = session.createNativeQuery("""
                        SELECT d.id, d.title, d.customer_id, c.name, d.contact_id, d.value, d.currency, d.expected_close_date,
                               d.owner_id, d.tags, d.custom_fields::text, s.name, d.status, d.version,
                               coalesce(k.first_name || ' ', '') || k.last_name,
                               coalesce(nullif(btrim(u.display_name), ''), u.first_name || ' ' || u.last_name)
                          FROM app.deals d
                          JOIN app.customers c ON c.organization_id = d.organization_id AND c.id = d.customer_id
                          JOIN app.pipeline_stages s ON s.organization_id = d.organization_id AND s.id = d.stage_id
                          LEFT JOIN app.contacts k ON k.organization_id = d.organization_id AND k.id = d.contact_id
                          LEFT JOIN sec.users u ON u.id = d.owner_id
                         WHERE d.organization_id = sec.current_tenant() AND d.id = :deal AND d.deleted_at IS NULL""",
                        Object[].class)
                .setParameter("deal", dealId).getResultStream().findFirst()
                .orElseThrow(() -> new WorklineException(Problem.NOT_FOUND, Text.of("crm.deal.notFound")));
        return new DealDetails((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (UUID) r[4], (String) r[14],
                (BigDecimal) r[5], (String) r[6], r[7] == null ? null : toLocalDate(r[7]), (UUID) r[8], (String) r[15],
                List.of((String[]) r[9]), Json.parseObject((String) r[10]), (String) r[11], (String) r[12],
                ((Number) r[13]).intValue());
    }

    /** Checks the form's fields (each error keyed by its field) and returns them normalised. */
    private static DealDetails validate(Session session, DealDetails d) {
        ValidationException.Collector errors = new ValidationException.Collector();
        String title = d.title() == null ? "" : d.title().strip();
        String currency = d.currency() == null ? null : d.currency().strip().toUpperCase(java.util.Locale.ROOT);
        errors.check(!title.isEmpty(), "title", Text.of("crm.deal.titleRequired"))
                .check(title.length() <= 200, "title", Text.of("field.text.tooLong", 200))
                .check(d.customerId() != null, "customer", Text.of("crm.deal.customerRequired"))
                .check(d.value() != null, "value", Text.of("crm.deal.valueRequired"))
                .check(d.value() == null || Checks.money(d.value()), "value", Text.of("field.money.invalid"))
                .check(d.value() == null || d.value().compareTo(new BigDecimal("9999999999999.99")) <= 0, "value",
                        Text.of("crm.deal.valueTooLarge"))
                .check(Checks.currency(currency), "currency", Text.of("field.currency.code"));
        if (d.customerId() != null) {
            boolean customerExists = !session.createNativeQuery("""
                            SELECT 1 FROM app.customers WHERE organization_id = sec.current_tenant() AND id = :customer""",
                            Integer.class).setParameter("customer", d.customerId()).getResultList().isEmpty();
            errors.check(customerExists, "customer", Text.of("crm.deal.customerRequired"));
            if (customerExists && d.contactId() != null) {
                errors.check(!session.createNativeQuery("""
                                SELECT 1 FROM app.contacts WHERE organization_id = sec.current_tenant() AND id = :contact
                                   AND customer_id = :customer""", Integer.class)
                        .setParameter("contact", d.contactId()).setParameter("customer", d.customerId())
                        .getResultList().isEmpty(), "contact", Text.of("crm.deal.contactNotOfCustomer"));
            }
        }
        if (d.ownerId() != null) {
            errors.check(!session.createNativeQuery("""
                            SELECT 1 FROM sec.organization_members WHERE organization_id = sec.current_tenant()
                               AND user_id = :owner AND active""", Integer.class)
                    .setParameter("owner", d.ownerId()).getResultList().isEmpty(), "owner", Text.of("crm.deal.ownerInactive"));
        }
        Map<String, Object> custom = CustomFieldService.validate(CustomFieldService.definitions(session, "deal"),
                d.customFields(), errors);
        errors.throwIfAny();
        List<String> tags = d.tags() == null ? List.of() : d.tags().stream().map(String::strip).filter(t -> !t.isEmpty())
                .distinct().toList();
        return new DealDetails(d.id(), title, d.customerId(), d.customerName(), d.contactId(),
                d.value().setScale(2, RoundingMode.UNNECESSARY), currency, d.expectedCloseDate(), d.ownerId(), tags, custom,
                d.stageName(), d.status(), d.version());
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
