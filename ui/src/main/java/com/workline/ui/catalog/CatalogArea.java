package com.workline.ui.catalog;

import com.workline.persistence.catalog.Catalog;
import com.workline.persistence.catalog.ProductQuery;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.RecordKind;
import com.workline.ui.workbench.RecordRef;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import com.workline.ui.workbench.Section;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The catalog in the desktop client: Catalog › Products (list and form) for everyone, and its administration (tax
 * rates and units, rate cards) for those who change the catalog. Products are records any screen can open and
 * Ctrl+K finds by code or name.
 */
public final class CatalogArea implements Area {
    public static final String PRODUCTS = "products";
    public static final String TAX_RATES_UNITS = "tax_rates_units";
    public static final String RATE_CARDS = "rate_cards";
    public static final String PRODUCT = "product";
    /** A blank product form (its id is only the place's identity); saved, it becomes a {@link #PRODUCT}. */
    public static final String NEW_PRODUCT = "product.new";

    @Override
    public List<Section> sections() {
        return List.of(
                new Section(PRODUCTS, "nav.products", "nav.catalog", 200, p -> true, CatalogArea::productList),
                new Section(TAX_RATES_UNITS, "nav.taxRatesUnits", Section.ADMINISTRATION, 940, p -> p.mayManage(),
                        CatalogArea::taxRatesAndUnits),
                new Section(RATE_CARDS, "nav.rateCards", Section.ADMINISTRATION, 950, p -> p.mayManage(),
                        CatalogArea::rateCards));
    }

    @Override
    public List<RecordKind> recordKinds() {
        return List.of(new RecordKind(PRODUCT, PRODUCTS, CatalogArea::productRecord, CatalogArea::findProducts),
                new RecordKind(NEW_PRODUCT, PRODUCTS, CatalogArea::newProduct, null));
    }

    private static Screen productList(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        var vm = new ProductListViewModel(Catalog.of(ctx.session()).products(), tasks, ctx.locale());
        Consumer<UUID> open = id -> ctx.navigator().open(id == null ? new RecordRef(NEW_PRODUCT, UUID.randomUUID())
                : new RecordRef(PRODUCT, id));
        return ProductListView.create(vm, open, ctx.permissions().mayManage()).owning(tasks);
    }

    private static Screen productRecord(ScreenContext ctx, RecordRef ref) {
        BackgroundTasks tasks = ctx.newTasks();
        var vm = new ProductFormViewModel(Catalog.of(ctx.session()), ctx.permissions(), tasks, ctx.locale(), saved -> { });
        Screen screen = ProductFormView.create(vm, () -> ctx.navigator().showStart(PRODUCTS), ctx.locale());
        vm.open(ref.id());
        return screen.owning(tasks);
    }

    /** A new product's form; when first saved it becomes that product's place (back/forward keep it). */
    private static Screen newProduct(ScreenContext ctx, RecordRef ref) {
        BackgroundTasks tasks = ctx.newTasks();
        Screen[] form = new Screen[1];
        var vm = new ProductFormViewModel(Catalog.of(ctx.session()), ctx.permissions(), tasks, ctx.locale(), saved -> {
            if (ref.equals(ctx.navigator().current().record())) {
                ctx.navigator().replaceWith(new RecordRef(PRODUCT, saved.id()), form[0]);
            }
        });
        form[0] = ProductFormView.create(vm, () -> ctx.navigator().showStart(PRODUCTS), ctx.locale()).owning(tasks);
        vm.open(null);
        return form[0];
    }

    /** Ctrl+K: products whose code or name matches, inactive ones too (they may be on older documents). */
    private static List<SearchHit> findProducts(ScreenContext ctx, String term, int limit) {
        return Catalog.of(ctx.session()).products().list(ProductQuery.search(term).withInactive(true), null, limit).rows()
                .stream()
                .map(p -> new SearchHit(new RecordRef(PRODUCT, p.id()), p.name(),
                        Messages.get("search.kind.product") + " " + p.code() + " \u00b7 "
                                + Messages.get("product.type." + p.type().name())))
                .toList();
    }

    private static Screen taxRatesAndUnits(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        var vm = new TaxRatesUnitsViewModel(Catalog.of(ctx.session()), ctx.permissions(), tasks, ctx.locale());
        Screen screen = TaxRatesUnitsView.create(vm, ctx.locale());
        vm.load();
        return screen.owning(tasks);
    }

    private static Screen rateCards(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        var vm = new RateCardsViewModel(ctx.session(), ctx.permissions(), tasks, ctx.locale());
        Screen screen = RateCardsView.create(vm, ctx.locale());
        vm.load();
        return screen.owning(tasks);
    }
}
