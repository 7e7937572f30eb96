package com.workline.persistence.catalog;

import com.workline.persistence.db.TenantDatabase;
import com.workline.persistence.session.TenantSession;

import java.util.List;

/**
 * The catalog area's entry point: tax rates, units, product categories, products, service categories and rate
 * cards, all fixed to one person in one organization. Owners, admins and managers change the catalog; everyone
 * reads it; costs (product costs, cost rates) are read and written by managers and above only (the database
 * enforces it: see V9).
 */
public final class Catalog {
    /** The area's Hibernate entities: none, its services use plain statements (see tenancy.MappedEntities). */
    public static final List<Class<?>> ENTITIES = List.of();

    private final TenantDatabase db;

    private Catalog(TenantDatabase db) {
        this.db = db;
    }

    public static Catalog of(TenantSession session) {
        return new Catalog(session.database());
    }

    public TaxRateService taxRates() {
        return new TaxRateService(db);
    }

    public UnitService units() {
        return new UnitService(db);
    }

    public ProductCategoryService categories() {
        return new ProductCategoryService(db);
    }

    public ProductService products() {
        return new ProductService(db);
    }

    /** CSV import of products (mapping, preview, row report, all or nothing). */
    public ProductImport productImport() {
        return new ProductImport(db);
    }

    /** CSV/XLSX export of the product list as filtered. */
    public ProductExport productExport() {
        return new ProductExport(db);
    }

    public ServiceCategoryService serviceCategories() {
        return new ServiceCategoryService(db);
    }

    public RateCardService rateCards() {
        return new RateCardService(db);
    }
}
