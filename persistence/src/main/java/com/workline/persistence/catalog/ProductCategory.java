package com.workline.persistence.catalog;

import java.util.UUID;

/**
 * A product category; {@code parentId} null at the top level. In {@link ProductCategoryService#tree()} the categories
 * come in tree order with their {@code depth} (0 at the top level).
 */
public record ProductCategory(UUID id, UUID parentId, String name, int position, int depth, int version) {
    public static ProductCategory newCategory(UUID parentId, String name) {
        return new ProductCategory(null, parentId, name, 0, 0, 0);
    }

    public ProductCategory withParent(UUID newParent) {
        return new ProductCategory(id, newParent, name, position, depth, version);
    }

    public ProductCategory withName(String newName) {
        return new ProductCategory(id, parentId, newName, position, depth, version);
    }
}
