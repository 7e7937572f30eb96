package com.workline.ui.crm;

import com.workline.persistence.crm.CustomerCount;
import com.workline.persistence.crm.CustomerPage;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Set;

/**
 * The customer list: search as you type, a status filter, sorting, and keyset pages appended as the user
 * scrolls. Only the latest request's answer is shown, so fast typing never shows stale results.
 */
public final class CustomerListViewModel {
    public static final int PAGE_SIZE = 100;

    private final CustomerService service;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ObservableList<CustomerRow> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<CustomerStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<CustomerQuery.Sort> sort = new SimpleObjectProperty<>(CustomerQuery.Sort.NAME);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper morePages = new ReadOnlyBooleanWrapper(false);
    private CustomerPage.Cursor next;
    private long generation;
    private boolean loadingMore;

    public CustomerListViewModel(CustomerService service, BackgroundTasks tasks, Locale locale) {
        this.service = service;
        this.tasks = tasks;
        this.locale = locale;
    }

    public ObservableList<CustomerRow> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<CustomerStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<CustomerQuery.Sort> sortProperty() {
        return sort;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty morePagesProperty() {
        return morePages.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public CustomerQuery query() {
        CustomerQuery query = CustomerQuery.all().withSearch(search.get()).sortedBy(sort.get(), false);
        return status.get() == null ? query : query.withStatuses(Set.of(status.get()));
    }

    /** Shows the first page for the current search, filter and sort (and the total, without blocking). */
    public void refresh() {
        long mine = ++generation;
        CustomerQuery query = query();
        message.set("");
        tasks.run(() -> service.list(query, null, PAGE_SIZE), page -> {
            if (mine == generation) {
                rows.setAll(page.rows());
                next = page.next();
                morePages.set(next != null);
            }
        }, failure -> message.set(failure.getMessage()));
        tasks.run(() -> service.count(query), count -> {
            if (mine == generation) {
                countText.set(describe(count));
            }
        }, failure -> countText.set(""));
    }

    /** Appends the next page (called when the user scrolls near the end). */
    public void loadMore() {
        if (next == null || loadingMore) {
            return;
        }
        loadingMore = true;
        long mine = generation;
        CustomerQuery query = query();
        CustomerPage.Cursor after = next;
        tasks.run(() -> service.list(query, after, PAGE_SIZE), page -> {
            loadingMore = false;
            if (mine == generation) {
                rows.addAll(page.rows());
                next = page.next();
                morePages.set(next != null);
            }
        }, failure -> {
            loadingMore = false;
            message.set(failure.getMessage());
        });
    }

    /** Exports the list as it is filtered and sorted now, to CSV or XLSX (by the file's extension). */
    public void exportTo(java.nio.file.Path file) {
        CustomerQuery query = query();
        boolean xlsx = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        message.set(Messages.get("customers.exporting"));
        tasks.run(() -> {
            try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
                var export = new com.workline.persistence.crm.CustomerExport(service);
                return xlsx ? export.xlsx(query, out, n -> { }) : export.csv(query, out, n -> { });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, rows -> message.set(Messages.get("customers.exported", NumberFormat.getIntegerInstance(locale).format(rows),
                file.getFileName().toString())), failure -> message.set(failure.getMessage()));
    }

    private String describe(CustomerCount count) {
        String number = NumberFormat.getIntegerInstance(locale).format(count.value());
        return Messages.get(count.exact() ? "customers.count" : "customers.count.estimate", number);
    }
}
