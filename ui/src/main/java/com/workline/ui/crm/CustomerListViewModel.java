package com.workline.ui.crm;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerCount;
import com.workline.persistence.crm.CustomerPage;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.ui.common.KeysetRows;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.workline.persistence.admin.Member;
import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.SavedView;
import com.workline.persistence.session.TenantSession;
import javafx.collections.ObservableSet;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The customer list: search as you type, filters (status, owner, tag, custom field), sorting, columns,
 * saved views, and keyset pages appended as the user scrolls. Only the latest request's answer is shown,
 * so fast typing never shows stale results.
 */
public final class CustomerListViewModel {
    public static final int PAGE_SIZE = 100;
    /** How long the typing pauses before the search runs. */
    public static final int SEARCH_PAUSE_MILLIS = 80;
    private static final System.Logger LOG = System.getLogger(CustomerListViewModel.class.getName());
    /** The built-in columns; custom fields add "custom.<key>". */
    public static final List<String> STANDARD_COLUMNS = List.of("number", "name", "status", "email", "phone", "owner", "tags");

    /** A person the owner filters offer. */
    public record OwnerChoice(UUID id, String name) {
        /** The active people of the organization, by the name they go by. */
        public static List<OwnerChoice> activeOf(List<Member> members) {
            return members.stream().filter(Member::active).map(m -> new OwnerChoice(m.userId(),
                    m.displayName() != null && !m.displayName().isBlank() ? m.displayName()
                            : m.firstName() + " " + m.lastName())).toList();
        }
    }

    private final TenantSession session;
    private final CustomerService service;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final KeysetRows<CustomerRow, CustomerPage.Cursor> pages;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<CustomerStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<CustomerQuery.Sort> sort = new SimpleObjectProperty<>(CustomerQuery.Sort.NAME);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<OwnerChoice> owner = new SimpleObjectProperty<>();
    private final StringProperty tag = new SimpleStringProperty("");
    private final ObjectProperty<CustomFieldDefinition> customField = new SimpleObjectProperty<>();
    private final StringProperty customFieldValue = new SimpleStringProperty("");
    private final ObservableList<OwnerChoice> owners = FXCollections.observableArrayList();
    private final ObservableList<CustomFieldDefinition> customFields = FXCollections.observableArrayList();
    private final ObservableList<SavedView> views = FXCollections.observableArrayList();
    private final ObjectProperty<SavedView> currentView = new SimpleObjectProperty<>();
    private final ObservableSet<String> visibleColumns = FXCollections.observableSet(new LinkedHashSet<>(STANDARD_COLUMNS));
    private final javafx.beans.property.BooleanProperty showDeleted = new javafx.beans.property.SimpleBooleanProperty(false);
    /** The newest count request; older answers are dropped. */
    /**
     * The newest refresh, read by the workers: a page or count request that a newer one has replaced by the time
     * a worker takes it up is skipped (its answer would be dropped anyway), so it never delays the newest one.
     */
    /** The task slot of the total: only the newest query's count is shown. */
    private static final Object COUNT = new Object();
    /** When the newest refresh was asked for, and whether its rows have been shown (for the timing log). */
    private long refreshStarted;
    private boolean rowsPending;

    public CustomerListViewModel(TenantSession session, BackgroundTasks tasks, Locale locale) {
        this.session = session;
        this.service = Crm.of(session).customers();
        this.tasks = tasks;
        this.locale = locale;
        this.pages = new KeysetRows<>(tasks, message::set);
        pages.rows().addListener((javafx.collections.ListChangeListener<CustomerRow>) change -> {
            if (rowsPending) {
                rowsPending = false;
                LOG.log(System.Logger.Level.DEBUG, () -> String.format("customer list: rows shown %.1f ms after the refresh",
                        (System.nanoTime() - refreshStarted) / 1e6));
            }
        });
    }

    /** Loads what the filters offer (people, custom fields) and the saved views. */
    public void loadChoices() {
        tasks.run(() -> Administration.of(session).people().list(), members -> owners.setAll(OwnerChoice.activeOf(members)),
                failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> Crm.of(session).customFields().definitions("customer"), customFields::setAll,
                failure -> message.set(failure.getLocalizedMessage()));
        reloadViews(null);
    }

    public ObjectProperty<OwnerChoice> ownerProperty() {
        return owner;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public ObjectProperty<CustomFieldDefinition> customFieldProperty() {
        return customField;
    }

    public StringProperty customFieldValueProperty() {
        return customFieldValue;
    }

    public ObservableList<OwnerChoice> owners() {
        return owners;
    }

    public ObservableList<CustomFieldDefinition> customFields() {
        return customFields;
    }

    public ObservableList<SavedView> views() {
        return views;
    }

    public ObjectProperty<SavedView> currentViewProperty() {
        return currentView;
    }

    public ObservableSet<String> visibleColumns() {
        return visibleColumns;
    }

    /** Clears every filter and the search (the sort and columns stay). */
    public void clearFilters() {
        search.set("");
        status.set(null);
        owner.set(null);
        tag.set("");
        customField.set(null);
        customFieldValue.set("");
        currentView.set(null);
        refresh();
    }

    /** Shows a saved view: its filters, sort and columns. */
    public void apply(SavedView view) {
        currentView.set(view);
        if (view == null) {
            return;
        }
        CustomerQuery q = CustomerQuery.fromDefinition(view.definition());
        search.set(q.search() == null ? "" : q.search());
        status.set(q.statuses().isEmpty() ? null : q.statuses().iterator().next());
        owner.set(q.ownerId() == null ? null : owners.stream().filter(o -> o.id().equals(q.ownerId())).findFirst()
                .orElse(new OwnerChoice(q.ownerId(), Messages.get("customers.filter.someoneElse"))));
        tag.set(q.tag() == null ? "" : q.tag());
        customField.set(q.customFieldKey() == null ? null : customFields.stream()
                .filter(d -> d.key().equals(q.customFieldKey())).findFirst().orElse(null));
        customFieldValue.set(q.customFieldValue() == null ? "" : q.customFieldValue());
        sort.set(q.sort());
        if (view.definition().get("columns") instanceof java.util.Collection<?> columns && !columns.isEmpty()) {
            visibleColumns.clear();
            columns.forEach(c -> visibleColumns.add(c.toString()));
        }
        refresh();
    }

    /** Saves the current filters, sort and columns under a name (mine; shared with everyone if asked). */
    public void saveView(String name, boolean shared) {
        Map<String, Object> definition = new java.util.LinkedHashMap<>(query().toDefinition());
        definition.put("columns", new ArrayList<>(visibleColumns));
        tasks.run(() -> Crm.of(session).savedViews().save("customers", name, shared, definition), this::reloadViews,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Deletes the current view if it is mine. */
    public void deleteCurrentView() {
        SavedView view = currentView.get();
        if (view == null || !view.mine()) {
            return;
        }
        tasks.run(() -> Crm.of(session).savedViews().delete(view.id()), deleted -> reloadViews(null),
                failure -> message.set(failure.getLocalizedMessage()));
    }

    private void reloadViews(UUID select) {
        tasks.run(() -> Crm.of(session).savedViews().views("customers"), list -> {
            views.setAll(list);
            currentView.set(select == null ? null : list.stream().filter(v -> v.id().equals(select)).findFirst().orElse(null));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Whether deleted customers are listed too (marked as deleted). */
    public javafx.beans.property.BooleanProperty showDeletedProperty() {
        return showDeleted;
    }

    /** Whether the person may restore deleted customers (managers and above; the database checks it again). */
    public boolean canRestore() {
        return new com.workline.ui.workbench.Permissions(session.role()).mayManage();
    }

    /** Restores a deleted customer, then shows the list again. */
    public void restore(CustomerRow row) {
        if (row == null || !row.deleted()) {
            return;
        }
        tasks.run(() -> {
            service.restore(row.id());
            return Boolean.TRUE;
        }, done -> {
            refresh();
            message.set(Messages.get("customers.restored", row.name()));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    public ObservableList<CustomerRow> rows() {
        return pages.rows();
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
        return pages.morePagesProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public CustomerQuery query() {
        CustomerQuery query = CustomerQuery.all().withSearch(search.get()).sortedBy(sort.get(), false)
                .withDeleted(showDeleted.get());
        if (status.get() != null) {
            query = query.withStatuses(Set.of(status.get()));
        }
        if (owner.get() != null) {
            query = query.withOwner(owner.get().id());
        }
        if (tag.get() != null && !tag.get().isBlank()) {
            query = query.withTag(tag.get().strip());
        }
        if (customField.get() != null && customFieldValue.get() != null && !customFieldValue.get().isBlank()) {
            query = query.withCustomField(customField.get().key(), customFieldValue.get().strip());
        }
        return query;
    }

    /** Shows the first page for the current search, filter and sort (and the total, without blocking). */
    public void refresh() {
        CustomerQuery query = query();
        message.set("");
        refreshStarted = System.nanoTime();
        rowsPending = true;
        // The page first, the count separately: the rows never wait for the count. Both are "newest answer
        // counts" work of the task runner: typing on skips superseded requests before they reach the database.
        pages.showFirstPage(after -> service.list(query, after, PAGE_SIZE));
        tasks.latest(COUNT, () -> service.count(query), count -> {
            countText.set(describe(count));
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("customer list: count shown %.1f ms after the refresh",
                    (System.nanoTime() - refreshStarted) / 1e6));
        }, failure -> countText.set(""));
    }

    /** Appends the next page (called when the user scrolls near the end). */
    public void loadMore() {
        pages.loadMore();
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
                file.getFileName().toString())), failure -> message.set(failure.getLocalizedMessage()));
    }

    private String describe(CustomerCount count) {
        String number = NumberFormat.getIntegerInstance(locale).format(count.value());
        return Messages.get(count.exact() ? "customers.count" : "customers.count.estimate", number);
    }
}
