package com.workline.persistence.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product as its form shows it. {@code cost} is the current cost: null for people who may not see costs
 * (employees, viewers; the database hides the rows from them), and null when none is recorded. On save, a null
 * cost leaves the recorded cost alone.
 */
public record ProductDetails(UUID id, String code, String name, String description, ProductType type, UUID unitId,
                             BigDecimal salePrice, UUID taxRateId, UUID categoryId, boolean active, BigDecimal cost,
                             int version) {
    public static ProductDetails newProduct(String code, String name, ProductType type, BigDecimal salePrice) {
        return new ProductDetails(null, code, name, null, type, null, salePrice, null, null, true, null, 0);
    }

    public ProductDetails withName(String newName) {
        return new ProductDetails(id, code, newName, description, type, unitId, salePrice, taxRateId, categoryId, active, cost, version);
    }

    public ProductDetails withCost(BigDecimal newCost) {
        return new ProductDetails(id, code, name, description, type, unitId, salePrice, taxRateId, categoryId, active, newCost, version);
    }

    public ProductDetails withSalePrice(BigDecimal price) {
        return new ProductDetails(id, code, name, description, type, unitId, price, taxRateId, categoryId, active, cost, version);
    }
}
