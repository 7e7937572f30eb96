package com.workline.ui.catalog;

import com.workline.persistence.catalog.ProductPage;
import com.workline.persistence.catalog.ProductQuery;
import com.workline.persistence.catalog.ProductRow;
import com.workline.persistence.catalog.ProductService;
import com.workline.persistence.common.KeysetPage;
import com.workline.ui.common.KeysetRows;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Catalog › Products: search as you type (code or name), inactive products on request, sorted by name or code,
 * keyset pages appended as the user scrolls; only the newest query's answer is shown.
 */
public final class ProductListViewModel {
    public static final int PAGE_SIZE = 100;

    /** A product page as {@link KeysetRows} takes it ({@code ProductPage} does not implement {@code KeysetPage}). */
    private record Page(List<ProductRow> rows, ProductPage.Cursor next) implements KeysetPage<ProductRow, ProductPage.Cursor> {
        static Page of(ProductPage page) {
            return new Page(page.rows(), page.next());
        }
    }

    private final ProductService products;
    private final Locale locale;
    private final KeysetRows<ProductRow, ProductPage.Cursor> pages;
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty showInactive = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProductQuery.Sort> sort = new SimpleObjectProperty<>(ProductQuery.Sort.NAME);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BackgroundTasks tasks;

    public ProductListViewModel(ProductService products, BackgroundTasks tasks, Locale locale) {
        this.products = products;
        this.tasks = tasks;
        this.locale = locale;
        this.pages = new KeysetRows<>(tasks, message::set);
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showInactiveProperty() {
        return showInactive;
    }

    public ObjectProperty<ProductQuery.Sort> sortProperty() {
        return sort;
    }

    public ObservableList<ProductRow> rows() {
        return pages.rows();
    }

    public ReadOnlyBooleanProperty morePagesProperty() {
        return pages.morePagesProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public ProductQuery query() {
        String term = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        return new ProductQuery(term, null, showInactive.get(), sort.get() == null ? ProductQuery.Sort.NAME : sort.get());
    }

    /** Shows the first page for the current search, inactive flag and sort. */
    public void refresh() {
        ProductQuery query = query();
        message.set("");
        pages.showFirstPage(after -> Page.of(products.list(query, after, PAGE_SIZE)));
    }

    /** Appends the next page (the view calls it when the user scrolls near the end). */
    public void loadMore() {
        pages.loadMore();
    }

    /** A sale price as the user's locale writes it ("1234,50" in German). */
    public String price(BigDecimal value) {
        return value == null ? "" : LocaleNumbers.formatAmount(value, locale);
    }
}
