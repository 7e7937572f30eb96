package com.workline.ui.projects;

import com.workline.persistence.projects.ProjectQuery;
import com.workline.persistence.projects.ProjectRow;
import com.workline.persistence.projects.ProjectService;
import com.workline.persistence.projects.ProjectStatus;
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
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Projects & time › Projects (and a customer's Projects tab): projects by name with search as you type, a status
 * filter, keyset pages appended as the person scrolls, and each project's budget against actual (hours, billable and
 * not, amount), projects over budget flagged.
 */
public final class ProjectListViewModel {
    public static final int PAGE_SIZE = 100;

    private final ProjectService projects;
    private final Supplier<String> baseCurrency;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final UUID customerId;
    private final KeysetRows<ProjectRow, ProjectRow> pages;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ProjectStatus> status = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper("");
    private BudgetText text;
    private int pageSize = PAGE_SIZE;

    /**
     * @param baseCurrency the organization's base currency (asked once, in the background)
     * @param customerId   only this customer's projects (null: all)
     */
    public ProjectListViewModel(ProjectService projects, Supplier<String> baseCurrency, BackgroundTasks tasks, Locale locale,
                                UUID customerId) {
        this.projects = projects;
        this.baseCurrency = baseCurrency;
        this.tasks = tasks;
        this.locale = locale;
        this.customerId = customerId;
        this.text = new BudgetText(locale, "");
        this.pages = new KeysetRows<>(tasks, message::set);
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Only projects in this status (null: every status). */
    public ObjectProperty<ProjectStatus> statusProperty() {
        return status;
    }

    public ObservableList<ProjectRow> rows() {
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

    /** The first page of the current search and filter (the currency first, once). */
    public void refresh() {
        message.set("");
        ProjectQuery query = ProjectQuery.all().withSearch(term())
                .withStatuses(status.get() == null ? Set.of() : Set.of(status.get())).ofCustomer(customerId);
        int size = pageSize;
        pages.showFirstPage(after -> projects.list(query, after, size));
        if (currency.get().isEmpty()) {
            tasks.latest("currency", baseCurrency::get, code -> {
                text = new BudgetText(locale, code);
                currency.set(code);
            }, failure -> message.set(failure.getLocalizedMessage()));
        }
    }

    /** The organization's base currency, once known (the view draws the amounts again). */
    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** Smaller pages (tests). */
    ProjectListViewModel pageSize(int rows) {
        pageSize = rows;
        return this;
    }

    public void loadMore() {
        pages.loadMore();
    }

    private String term() {
        return search.get() == null || search.get().isBlank() ? null : search.get().strip();
    }

    // ------------------------------------------------------------------------------------------ cells

    String status(ProjectRow row) {
        return Messages.get("projects.status." + row.status().name());
    }

    String hours(ProjectRow row) {
        return text.hoursAgainstBudget(row.figures());
    }

    String billableSplit(ProjectRow row) {
        return text.billableShort(row.figures());
    }

    String amount(ProjectRow row) {
        return text.amountAgainstBudget(row.figures());
    }

    /** The visible marker of a project over budget (beside its highlighted row), else empty. */
    String budgetMarker(ProjectRow row) {
        return row.overBudget() ? Messages.get("projects.overBudgetMarker") : "";
    }
}
