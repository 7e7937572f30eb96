package com.workline.persistence.catalog;

import com.workline.persistence.db.Jdbc;
import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.session.Role;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rate cards and their dated items, and the rate that applies to a piece of work. Cost rates are read and
 * written by managers and above only (the database hides and refuses them for others).
 */
public final class RateCardService {
    private static final String CARD_COLUMNS = "id, name, is_default, customer_id, version";
    private static final String ITEM_SELECT = """
            SELECT i.id, i.rate_card_id, i.service_category_id, i.role, i.user_id, i.valid_from, i.valid_until, i.billing_rate,
                   (SELECT k.cost_rate FROM app.rate_card_item_costs k
                     WHERE k.organization_id = i.organization_id AND k.rate_card_item_id = i.id
                     ORDER BY k.created_at DESC LIMIT 1),
                   i.version
              FROM app.rate_card_items i""";
    private final TenantDatabase db;

    public RateCardService(TenantDatabase db) {
        this.db = db;
    }

    // ----- cards -------------------------------------------------------------------------------------

    /** Every card: the default first, then by name. */
    public List<RateCard> cards() {
        return Jdbc.write(db, c -> Jdbc.list(c, "SELECT " + CARD_COLUMNS + " FROM app.rate_cards WHERE organization_id = ? "
                + "ORDER BY is_default DESC, lower(name), id", RateCardService::mapCard, db.currentTenant()));
    }

    /** A new card; the organization's first card without a customer becomes the default. */
    public RateCard createCard(RateCard card) {
        validateCard(card);
        return Jdbc.write(db, c -> {
            boolean makeDefault = card.isDefault() || card.customerId() == null
                    && Jdbc.one(c, "SELECT 1 FROM app.rate_cards WHERE organization_id = ? AND is_default", rs -> 1, db.currentTenant()) == null;
            if (card.customerId() != null && Jdbc.one(c, "SELECT 1 FROM app.rate_cards WHERE organization_id = ? AND customer_id = ?",
                    rs -> 1, db.currentTenant(), card.customerId()) != null) {
                throw ValidationException.of(Map.of("customerId", Text.of("catalog.rateCard.customerHasCard")));
            }
            if (makeDefault) {
                clearDefault(c);
            }
            return Jdbc.one(c, "INSERT INTO app.rate_cards (organization_id, name, is_default, customer_id) VALUES (?, ?, ?, ?) "
                    + "RETURNING " + CARD_COLUMNS, RateCardService::mapCard, db.currentTenant(), card.name().strip(), makeDefault,
                    card.customerId());
        });
    }

    /** Renames a card, if nobody saved it since it was loaded. */
    public RateCard renameCard(UUID id, String name, int version) {
        validateCard(new RateCard(id, name, false, null, version));
        return Jdbc.write(db, c -> {
            RateCard saved = Jdbc.one(c, "UPDATE app.rate_cards SET name = ?, version = version + 1 "
                            + "WHERE organization_id = ? AND id = ? AND version = ? RETURNING " + CARD_COLUMNS,
                    RateCardService::mapCard, name.strip(), db.currentTenant(), id, version);
            if (saved == null) {
                throw Jdbc.unchanged(cardVersion(c, id), version, new ConcurrentEditException("record.rateCard"), cardNotFound());
            }
            return saved;
        });
    }

    /** Makes a card (not a customer's own) the organization's one default card. */
    public RateCard setDefault(UUID id) {
        return Jdbc.write(db, c -> {
            RateCard card = Jdbc.one(c, "SELECT " + CARD_COLUMNS + " FROM app.rate_cards WHERE organization_id = ? AND id = ?",
                    RateCardService::mapCard, db.currentTenant(), id);
            if (card == null) {
                throw cardNotFound();
            }
            if (card.customerId() != null) {
                throw ValidationException.of(Map.of("isDefault", Text.of("catalog.rateCard.customerCardNotDefault")));
            }
            clearDefault(c);
            RateCard saved = Jdbc.one(c, "UPDATE app.rate_cards SET is_default = true, version = version + 1 "
                    + "WHERE organization_id = ? AND id = ? RETURNING " + CARD_COLUMNS, RateCardService::mapCard, db.currentTenant(), id);
            if (saved == null) {
                throw new WorklineException(Problem.NOT_ALLOWED, Text.of("db.notAllowed"));
            }
            return saved;
        });
    }

    private void clearDefault(Connection c) throws SQLException {
        Jdbc.update(c, "UPDATE app.rate_cards SET is_default = false, version = version + 1 WHERE organization_id = ? AND is_default",
                db.currentTenant());
    }

    private Integer cardVersion(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, "SELECT version FROM app.rate_cards WHERE organization_id = ? AND id = ?", rs -> rs.getInt(1),
                db.currentTenant(), id);
    }

    // ----- items -------------------------------------------------------------------------------------

    /** A card's items by service category, then everyone/role/person, then validity. */
    public List<RateCardItem> items(UUID cardId) {
        return Jdbc.write(db, c -> Jdbc.list(c, ITEM_SELECT + " WHERE i.organization_id = ? AND i.rate_card_id = ? "
                        + "ORDER BY i.service_category_id, i.user_id NULLS FIRST, i.role NULLS FIRST, i.valid_from, i.id",
                RateCardService::mapItem, db.currentTenant(), cardId));
    }

    /**
     * A new item. Its validity must not overlap another item of the card for the same category and the same
     * role/person (the database refuses it too). A cost rate, if given, needs a manager or above.
     */
    public RateCardItem addItem(RateCardItem item) {
        validateItem(item);
        return Jdbc.write(db, c -> {
            lockCard(c, item.rateCardId());
            refuseOverlap(c, item);
            UUID id = Jdbc.one(c, """
                            INSERT INTO app.rate_card_items (organization_id, rate_card_id, service_category_id, role, user_id,
                                                             valid_from, valid_until, billing_rate)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", rs -> rs.getObject(1, UUID.class),
                    db.currentTenant(), item.rateCardId(), item.serviceCategoryId(),
                    item.role() == null ? null : item.role().databaseValue(), item.userId(), item.validFrom(), item.validUntil(),
                    item.billingRate());
            if (item.costRate() != null) {
                recordCostRate(c, id, item.costRate());
            }
            return findItem(c, id);
        });
    }

    /** Changes an item (validity, billing rate; a non-null cost rate too), if nobody saved it since it was loaded. */
    public RateCardItem updateItem(RateCardItem item) {
        validateItem(item);
        return Jdbc.write(db, c -> {
            lockCard(c, item.rateCardId());
            refuseOverlap(c, item);
            int changed = Jdbc.update(c, """
                            UPDATE app.rate_card_items SET service_category_id = ?, role = ?, user_id = ?, valid_from = ?,
                                                           valid_until = ?, billing_rate = ?, version = version + 1
                             WHERE organization_id = ? AND id = ? AND version = ?""",
                    item.serviceCategoryId(), item.role() == null ? null : item.role().databaseValue(), item.userId(),
                    item.validFrom(), item.validUntil(), item.billingRate(), db.currentTenant(), item.id(), item.version());
            if (changed == 0) {
                RateCardItem current = findItem(c, item.id());
                throw Jdbc.unchanged(current == null ? null : current.version(), item.version(),
                        new ConcurrentEditException("record.rateCardItem"),
                        new WorklineException(Problem.NOT_FOUND, Text.of("catalog.rateItem.notFound")));
            }
            if (item.costRate() != null) {
                recordCostRate(c, item.id(), item.costRate());
            }
            return findItem(c, item.id());
        });
    }

    /** Sets an item's cost rate (managers and above; the database refuses others). */
    public void setCostRate(UUID itemId, BigDecimal costRate) {
        new ValidationException.Collector()
                .check(validRate(costRate), "costRate", Text.of("catalog.rateItem.rateInvalid"))
                .throwIfAny();
        Jdbc.write(db, c -> {
            recordCostRate(c, itemId, costRate);
            return null;
        });
    }

    private void recordCostRate(Connection c, UUID itemId, BigDecimal costRate) throws SQLException {
        // One cost row per item, kept by this service (the cost table is readable by managers and above only).
        int changed = Jdbc.update(c, "UPDATE app.rate_card_item_costs SET cost_rate = ?, version = version + 1 "
                + "WHERE organization_id = ? AND rate_card_item_id = ?", costRate, db.currentTenant(), itemId);
        if (changed == 0) {
            Jdbc.update(c, "INSERT INTO app.rate_card_item_costs (organization_id, rate_card_item_id, cost_rate) VALUES (?, ?, ?)",
                    db.currentTenant(), itemId, costRate);
        }
    }

    private void lockCard(Connection c, UUID cardId) throws SQLException {
        Jdbc.one(c, "SELECT 1 FROM app.rate_cards WHERE organization_id = ? AND id = ? FOR NO KEY UPDATE", rs -> 1,
                db.currentTenant(), cardId);
    }

    private void refuseOverlap(Connection c, RateCardItem item) throws SQLException {
        boolean overlaps = Jdbc.one(c, """
                        SELECT 1 FROM app.rate_card_items i
                         WHERE i.organization_id = ? AND i.rate_card_id = ? AND i.service_category_id = ?
                           AND i.role IS NOT DISTINCT FROM ? AND i.user_id IS NOT DISTINCT FROM ?
                           AND i.id IS DISTINCT FROM ?
                           AND daterange(i.valid_from, i.valid_until, '[]') && daterange(?, ?, '[]')
                         LIMIT 1""", rs -> 1,
                db.currentTenant(), item.rateCardId(), item.serviceCategoryId(),
                item.role() == null ? null : item.role().databaseValue(), item.userId(), item.id(), item.validFrom(),
                item.validUntil()) != null;
        if (overlaps) {
            throw ValidationException.of(Map.of("validFrom", Text.of("catalog.rateItem.overlaps")));
        }
    }

    private RateCardItem findItem(Connection c, UUID id) throws SQLException {
        return Jdbc.one(c, ITEM_SELECT + " WHERE i.organization_id = ? AND i.id = ?", RateCardService::mapItem, db.currentTenant(), id);
    }

    // ----- the applicable rate -----------------------------------------------------------------------

    /**
     * The rate for work of a person in a service category on a date, for a customer: from the customer's own card,
     * else from the default card (also when the customer's card has no rate for the category on that date). Within a
     * card the most specific item valid on the date counts: the person's, then the role's, then the category's for
     * everyone. Null if no card has one. The cost rate is null for people who may not see costs.
     */
    public ApplicableRate applicableRate(UUID customerId, UUID serviceCategoryId, UUID userId, Role role, LocalDate date) {
        return Jdbc.write(db, c -> Jdbc.one(c, """
                        SELECT i.rate_card_id, i.id, i.billing_rate,
                               (SELECT k.cost_rate FROM app.rate_card_item_costs k
                                 WHERE k.organization_id = i.organization_id AND k.rate_card_item_id = i.id
                                 ORDER BY k.created_at DESC LIMIT 1)
                          FROM app.rate_cards r
                          JOIN app.rate_card_items i ON i.organization_id = r.organization_id AND i.rate_card_id = r.id
                         WHERE r.organization_id = ? AND (r.customer_id = ? OR r.is_default)
                           AND i.service_category_id = ?
                           AND i.valid_from <= ? AND (i.valid_until IS NULL OR i.valid_until >= ?)
                           AND (i.user_id = ? OR i.user_id IS NULL AND (i.role = ? OR i.role IS NULL))
                         ORDER BY (r.customer_id IS NOT NULL) DESC,
                                  CASE WHEN i.user_id IS NOT NULL THEN 0 WHEN i.role IS NOT NULL THEN 1 ELSE 2 END,
                                  i.valid_from DESC
                         LIMIT 1""",
                rs -> new ApplicableRate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)),
                db.currentTenant(), customerId, serviceCategoryId, date, date, userId,
                role == null ? null : role.databaseValue()));
    }

    // ----- helpers -----------------------------------------------------------------------------------

    private static boolean validRate(BigDecimal rate) {
        return rate != null && rate.signum() >= 0 && rate.stripTrailingZeros().scale() <= 4 && rate.precision() - rate.scale() <= 10;
    }

    private static WorklineException cardNotFound() {
        return new WorklineException(Problem.NOT_FOUND, Text.of("catalog.rateCard.notFound"));
    }

    private static void validateCard(RateCard card) {
        new ValidationException.Collector()
                .check(card.name() != null && !card.name().isBlank(), "name", Text.of("catalog.rateCard.nameRequired"))
                .check(card.name() == null || card.name().strip().length() <= 100, "name", Text.of("field.text.tooLong", 100))
                .check(!(card.isDefault() && card.customerId() != null), "isDefault", Text.of("catalog.rateCard.customerCardNotDefault"))
                .throwIfAny();
    }

    private static void validateItem(RateCardItem item) {
        new ValidationException.Collector()
                .check(item.rateCardId() != null, "rateCardId", Text.of("catalog.rateItem.cardRequired"))
                .check(item.serviceCategoryId() != null, "serviceCategoryId", Text.of("catalog.rateItem.categoryRequired"))
                .check(item.role() == null || item.userId() == null, "userId", Text.of("catalog.rateItem.roleOrPerson"))
                .check(item.validFrom() != null, "validFrom", Text.of("catalog.rateItem.validFromRequired"))
                .check(item.validFrom() == null || item.validUntil() == null || !item.validUntil().isBefore(item.validFrom()),
                        "validUntil", Text.of("catalog.rateItem.untilBeforeFrom"))
                .check(validRate(item.billingRate()), "billingRate", Text.of("catalog.rateItem.rateInvalid"))
                .check(item.costRate() == null || validRate(item.costRate()), "costRate", Text.of("catalog.rateItem.rateInvalid"))
                .throwIfAny();
    }

    private static RateCard mapCard(ResultSet rs) throws SQLException {
        return new RateCard(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3), rs.getObject(4, UUID.class), rs.getInt(5));
    }

    private static RateCardItem mapItem(ResultSet rs) throws SQLException {
        String role = rs.getString(4);
        java.sql.Date until = rs.getDate(7);
        return new RateCardItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                role == null ? null : Role.fromDatabase(role), rs.getObject(5, UUID.class), rs.getDate(6).toLocalDate(),
                until == null ? null : until.toLocalDate(), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getInt(10));
    }
}
