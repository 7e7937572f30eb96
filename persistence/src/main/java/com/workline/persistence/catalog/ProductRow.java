package com.workline.persistence.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of the product list; {@code sortKey} is the value the list is ordered by (for the cursor). */
public record ProductRow(UUID id, String code, String name, ProductType type, String unitCode, BigDecimal salePrice,
                         UUID categoryId, boolean active, String sortKey) {
}
