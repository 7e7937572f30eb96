package com.workline.ui.projects;

import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.CustomerQuery;
import com.workline.persistence.crm.CustomerRow;
import com.workline.persistence.crm.CustomerService;
import com.workline.persistence.projects.BillingType;
import com.workline.persistence.projects.BudgetFigures;
import com.workline.persistence.projects.BudgetLine;
import com.workline.persistence.projects.Project;
import com.workline.persistence.projects.ProjectConflictException;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectService;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.RoundingDirection;
import com.workline.persistence.projects.RoundingRule;
import com.workline.persistence.projects.TimeReportGrouping;
import com.workline.persistence.projects.TimeReportQuery;
import com.workline.persistence.projects.TimeReportRow;
import com.workline.persistence.projects.TimeReports;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Permissions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A project's record: the header form (name, customer, status, dates, billing type, budget hours and amount, manager,
 * default billable, refusing bookings over budget, its own rounding), saved with Ctrl+S (a conflict keeps what was typed
 * and offers the stored project), and the budget panel: budget against actual (hours billable and not, amount), over
 * budget in words, and the budget lines per service category of a project made from a quote.
 */
public final class ProjectRecordViewModel {
    /** The lines' actual figures cover the project's whole life. */
    private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

    /** A budget line as the panel shows it; the actual columns only for people who see everyone's time. */
    public record BudgetLineRow(String category, String budgetHours, String budgetAmount, String actualHours,
                                String actualAmount, boolean over) {
    }

    private final ProjectService projects;
    private final TimeReports reports;
    private final CustomerService customers;
    private final Supplier<List<Person>> organizationPeople;
    private final Supplier<String> baseCurrency;
    private final Permissions permissions;
    private final UUID me;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final Consumer<ProjectDetails> created;

    private final ReadOnlyObjectWrapper<ProjectDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<UUID> customerId = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper customerName = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ProjectStatus> status = new SimpleObjectProperty<>(ProjectStatus.PLANNING);
    private final ObjectProperty<LocalDate> startDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> endDate = new SimpleObjectProperty<>();
    private final ObjectProperty<BillingType> billingType = new SimpleObjectProperty<>(BillingType.TIME_AND_MATERIALS);
    private final StringProperty budgetHours = new SimpleStringProperty("");
    private final StringProperty budgetAmount = new SimpleStringProperty("");
    private final ObjectProperty<Person> manager = new SimpleObjectProperty<>();
    private final BooleanProperty defaultBillable = new SimpleBooleanProperty(true);
    private final BooleanProperty refuseOverBudget = new SimpleBooleanProperty(false);
    private final StringProperty roundingUnit = new SimpleStringProperty("");
    private final ObjectProperty<RoundingDirection> roundingDirection = new SimpleObjectProperty<>();
    private final ObservableList<Person> people = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hoursFigure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper billableFigure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper amountFigure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overBudget = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<BudgetLineRow> budgetLines = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper termsEditable = new ReadOnlyBooleanWrapper(false);
    private final FieldErrors errors = new FieldErrors();
    private BudgetText text;
    private ProjectDetails storedOnConflict;
    private boolean loading;

    /**
     * @param reports            the time reports, for the budget lines' actual figures (null: those are not shown)
     * @param organizationPeople the organization's people, asked once in the background
     * @param me                 the signed-in person (a project's own manager changes its budget and terms)
     * @param created            a new project was saved for the first time
     */
    public ProjectRecordViewModel(ProjectService projects, TimeReports reports, CustomerService customers,
                                  Supplier<List<Person>> organizationPeople, Supplier<String> baseCurrency,
                                  Permissions permissions, UUID me, BackgroundTasks tasks, Locale locale,
                                  Consumer<ProjectDetails> created) {
        this.projects = projects;
        this.reports = reports;
        this.customers = customers;
        this.organizationPeople = organizationPeople;
        this.baseCurrency = baseCurrency;
        this.permissions = permissions;
        this.me = me;
        this.tasks = tasks;
        this.locale = locale;
        this.created = created;
        this.text = new BudgetText(locale, "");
        for (ObservableValue<?> field : List.of(name, description, customerId, status, startDate, endDate, billingType,
                budgetHours, budgetAmount, manager, defaultBillable, refuseOverBudget, roundingUnit, roundingDirection)) {
            field.addListener((o, was, now) -> {
                if (!loading) {
                    dirty.set(true);
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<ProjectDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** "PRJ-2026-0001 · Website relaunch", or "New project". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** Null: an internal project. */
    public ReadOnlyObjectProperty<UUID> customerIdProperty() {
        return customerId;
    }

    public ReadOnlyStringProperty customerNameProperty() {
        return customerName.getReadOnlyProperty();
    }

    public ObjectProperty<ProjectStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> startDateProperty() {
        return startDate;
    }

    public ObjectProperty<LocalDate> endDateProperty() {
        return endDate;
    }

    public ObjectProperty<BillingType> billingTypeProperty() {
        return billingType;
    }

    /** Hours as typed in the person's locale (12.5 or 12:30); empty: no hours budget. */
    public StringProperty budgetHoursProperty() {
        return budgetHours;
    }

    /** In the organization's base currency; empty: no amount budget. */
    public StringProperty budgetAmountProperty() {
        return budgetAmount;
    }

    /** Null: no manager. */
    public ObjectProperty<Person> managerProperty() {
        return manager;
    }

    public BooleanProperty defaultBillableProperty() {
        return defaultBillable;
    }

    public BooleanProperty refuseOverBudgetProperty() {
        return refuseOverBudget;
    }

    /** Minutes (1 to 240) the project's billable time is rounded to; empty: the customer's or organization's rule. */
    public StringProperty roundingUnitProperty() {
        return roundingUnit;
    }

    public ObjectProperty<RoundingDirection> roundingDirectionProperty() {
        return roundingDirection;
    }

    /** The organization's active people (managers, assignees, members). */
    public ObservableList<Person> people() {
        return people;
    }

    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    /** "12.5 / 40 h" (all hours booked against the hours budget). */
    public ReadOnlyStringProperty hoursFigureProperty() {
        return hoursFigure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty billableFigureProperty() {
        return billableFigure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountFigureProperty() {
        return amountFigure.getReadOnlyProperty();
    }

    /** Over budget by how much, what is left, or no budget: in words. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overBudgetProperty() {
        return overBudget.getReadOnlyProperty();
    }

    public ObservableList<BudgetLineRow> budgetLines() {
        return budgetLines;
    }

    /** Whether the budget lines show what was booked (for people who see everyone's time). */
    public boolean showsLineActuals() {
        return reports != null;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Someone else saved the project; what was typed stays until {@link #reload()}. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public FieldErrors errors() {
        return errors;
    }

    public boolean editable() {
        return permissions.mayEdit();
    }

    /**
     * Budget, billing, customer, manager and rounding: managers and above or the project's own manager (anyone who
     * may edit, while the project is new); the database decides again.
     */
    public ReadOnlyBooleanProperty termsEditableProperty() {
        return termsEditable.getReadOnlyProperty();
    }

    public boolean isNew() {
        return details.get() == null;
    }

    public Locale locale() {
        return locale;
    }

    // ------------------------------------------------------------------------------------------ loading

    /** Loads the project (null: a new project's blank form), the people to choose from and the currency. */
    public void open(UUID id) {
        message.set("");
        if (people.isEmpty()) {
            tasks.latest("people", organizationPeople, found -> {
                Person chosen = manager.get();
                boolean wasLoading = loading;
                loading = true;
                people.setAll(found);
                // The same person from the list (a former member who left stays as loaded); a new project's is me.
                if (chosen != null) {
                    manager.set(byId(chosen.id()) == null ? chosen : byId(chosen.id()));
                } else if (isNew() && !dirty.get()) {
                    manager.set(byId(me));
                }
                loading = wasLoading;
            }, failure -> message.set(failure.getLocalizedMessage()));
        }
        if (currency.get().isEmpty()) {
            tasks.latest("currency", baseCurrency, code -> {
                text = new BudgetText(locale, code);
                currency.set(code);
                showFigures(details.get());
            }, failure -> message.set(failure.getLocalizedMessage()));
        }
        if (id == null) {
            showNew();
        } else {
            tasks.latest("load", () -> projects.load(id), this::show, failure -> message.set(failure.getLocalizedMessage()));
        }
    }

    /** Loads the budget figures again (time booked meanwhile) and leaves the form as typed. */
    public void refreshFigures() {
        ProjectDetails current = details.get();
        if (current == null) {
            return;
        }
        tasks.latest("figures", () -> projects.load(current.project().id()), fresh -> {
            showFigures(fresh);
            showLines(fresh);
        }, failure -> { });
    }

    /** After a conflict: the stored project replaces what was typed; otherwise loads it again. */
    public void reload() {
        if (storedOnConflict != null) {
            show(storedOnConflict);
        } else if (details.get() != null) {
            open(details.get().project().id());
        }
    }

    private void showNew() {
        loading = true;
        try {
            details.set(null);
            heading.set(Messages.get("projects.record.newHeading"));
            name.set("");
            description.set("");
            customerId.set(null);
            customerName.set("");
            status.set(ProjectStatus.PLANNING);
            startDate.set(null);
            endDate.set(null);
            billingType.set(BillingType.TIME_AND_MATERIALS);
            budgetHours.set("");
            budgetAmount.set("");
            manager.set(byId(me));
            defaultBillable.set(true);
            refuseOverBudget.set(false);
            roundingUnit.set("");
            roundingDirection.set(null);
            termsEditable.set(permissions.mayEdit());
            conflict.set(false);
            storedOnConflict = null;
            errors.clear();
            budgetLines.clear();
            showFigures(null);
        } finally {
            loading = false;
        }
        dirty.set(false);
    }

    private void show(ProjectDetails loaded) {
        Project p = loaded.project();
        loading = true;
        try {
            details.set(loaded);
            heading.set(Messages.get("projects.record.heading", p.number(), p.name()));
            name.set(p.name());
            description.set(p.description() == null ? "" : p.description());
            customerId.set(p.customerId());
            customerName.set(loaded.customerName() == null ? "" : loaded.customerName());
            status.set(p.status());
            startDate.set(p.startDate());
            endDate.set(p.endDate());
            billingType.set(p.billingType());
            budgetHours.set(p.budgetMinutes() == null ? "" : Hours.format(p.budgetMinutes(), locale));
            budgetAmount.set(p.budgetAmount() == null ? "" : LocaleNumbers.formatAmount(p.budgetAmount(), locale));
            manager.set(p.managerId() == null ? null : people.stream().filter(m -> m.id().equals(p.managerId())).findFirst()
                    .orElse(new Person(p.managerId(), loaded.managerName() == null ? "" : loaded.managerName())));
            defaultBillable.set(p.defaultBillable());
            refuseOverBudget.set(p.refuseOverBudget());
            roundingUnit.set(p.rounding() == null ? "" : String.valueOf(p.rounding().unitMinutes()));
            roundingDirection.set(p.rounding() == null ? null : p.rounding().direction());
            termsEditable.set(permissions.mayManage() || permissions.mayEdit() && me != null && me.equals(p.managerId()));
            conflict.set(false);
            storedOnConflict = null;
            errors.clear();
        } finally {
            loading = false;
        }
        dirty.set(false);
        showFigures(loaded);
        showLines(loaded);
    }

    private Person byId(UUID id) {
        return id == null ? null : people.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    }

    private void showFigures(ProjectDetails loaded) {
        if (loaded == null) {
            hoursFigure.set("");
            billableFigure.set("");
            amountFigure.set("");
            verdict.set(Messages.get("projects.budget.notSavedYet"));
            overBudget.set(false);
            return;
        }
        BudgetFigures f = loaded.figures();
        String share = text.share(f);
        hoursFigure.set(text.hoursAgainstBudget(f) + (share.isEmpty() ? "" : "  \u00b7  " + share));
        billableFigure.set(text.billableSplit(f));
        amountFigure.set(text.amountAgainstBudget(f));
        verdict.set(text.verdict(f));
        overBudget.set(f.overBudget());
    }

    /** The budget lines at once; what each category has used follows from the report (for those who see it). */
    private void showLines(ProjectDetails loaded) {
        List<BudgetLine> lines = loaded.budgetLines();
        budgetLines.setAll(lines.stream().map(l -> line(l, null)).toList());
        if (reports == null || lines.isEmpty()) {
            return;
        }
        UUID projectId = loaded.project().id();
        tasks.latest("lineActuals", () -> reports.report(TimeReportQuery.between(EVER_FROM, EVER_TO).ofProject(projectId),
                TimeReportGrouping.SERVICE_CATEGORY), rows -> {
                    Map<UUID, TimeReportRow> byCategory = new HashMap<>();
                    rows.forEach(r -> byCategory.put(r.key(), r));
                    budgetLines.setAll(lines.stream().map(l -> line(l, byCategory.get(l.serviceCategoryId()))).toList());
                }, failure -> message.set(failure.getLocalizedMessage()));
    }

    private BudgetLineRow line(BudgetLine line, TimeReportRow actual) {
        String category = line.serviceCategoryName() == null ? Messages.get("projects.budget.noCategory")
                : line.serviceCategoryName();
        long minutes = actual == null ? 0 : actual.rawMinutes();
        BigDecimal amount = actual == null || actual.amount() == null ? BigDecimal.ZERO : actual.amount();
        boolean known = reports != null && actual != null;
        boolean over = known && (minutes > line.minutes() || amount.compareTo(line.amount()) > 0);
        return new BudgetLineRow(category, text.hours(line.minutes()), text.money(line.amount()),
                reports == null ? "" : text.hours(minutes), reports == null ? "" : text.money(amount.setScale(
                        Math.max(amount.scale(), line.amount().scale()))), over);
    }

    // ------------------------------------------------------------------------------------------ customer

    /** Customers whose name, number or e-mail matches, for the customer picker. */
    public void findCustomers(String term, Consumer<List<CustomerRow>> found) {
        tasks.latest("customers", () -> customers.list(CustomerQuery.all().withSearch(term), null, 20).rows(), found,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Another customer (null: an internal project). */
    public void chooseCustomer(CustomerRow customer) {
        if (!termsEditable.get()) {
            return;
        }
        customerId.set(customer == null ? null : customer.id());
        customerName.set(customer == null ? "" : customer.name());
    }

    // ------------------------------------------------------------------------------------------ saving

    /** Ctrl+S: creates or saves the project; on a conflict what was typed stays and a reload is offered. */
    public void save() {
        if (!editable()) {
            return;
        }
        Project typed = typed();
        if (typed == null) {
            return;
        }
        message.set("");
        if (typed.id() == null) {
            tasks.run(() -> projects.create(typed), saved -> {
                show(saved);
                message.set(Messages.get("projects.record.created", saved.project().number()));
                created.accept(saved);
            }, this::failed);
        } else {
            tasks.run(() -> projects.update(typed), saved -> {
                show(saved);
                message.set(Messages.get("projects.record.saved"));
            }, this::failed);
        }
    }

    /** What is typed as the service takes it; null (with the errors beside the fields) when something cannot be read. */
    Project typed() {
        errors.clear();
        if (name.get() == null || name.get().isBlank()) {
            errors.set("name", Messages.get("projects.record.nameRequired"));
        }
        Integer minutes = null;
        try {
            minutes = Hours.parse(budgetHours.get(), locale);
        } catch (NumberFormatException e) {
            errors.set("budgetMinutes", Messages.get("projects.record.hoursInvalid"));
        }
        BigDecimal amount = null;
        if (budgetAmount.get() != null && !budgetAmount.get().isBlank()) {
            amount = LocaleNumbers.parseDecimal(budgetAmount.get(), locale);
            if (amount == null || amount.signum() < 0) {
                errors.set("budgetAmount", Messages.get("projects.record.amountInvalid"));
            }
        }
        RoundingRule rounding = null;
        if (roundingUnit.get() != null && !roundingUnit.get().isBlank()) {
            try {
                int unit = Integer.parseInt(roundingUnit.get().strip());
                if (unit < 1 || unit > 240) {
                    throw new NumberFormatException();
                }
                rounding = new RoundingRule(unit, roundingDirection.get() == null ? RoundingDirection.NEAREST
                        : roundingDirection.get());
            } catch (NumberFormatException e) {
                errors.set("rounding", Messages.get("projects.record.roundingInvalid"));
            }
        }
        if (startDate.get() != null && endDate.get() != null && endDate.get().isBefore(startDate.get())) {
            errors.set("endDate", Messages.get("projects.record.endBeforeStart"));
        }
        if (errors.any()) {
            message.set(Messages.get("projects.record.fixFields"));
            return null;
        }
        Project base = details.get() == null ? Project.create(name.get(), null) : details.get().project();
        return new Project(base.id(), base.number(), name.get().strip(), description.get(), customerId.get(), base.quoteId(),
                status.get(), startDate.get(), endDate.get(), billingType.get(), minutes, amount,
                manager.get() == null ? null : manager.get().id(), defaultBillable.get(), refuseOverBudget.get(), rounding,
                base.version());
    }

    private void failed(WorklineException failure) {
        if (failure instanceof ProjectConflictException clash) {
            storedOnConflict = clash.current();
            conflict.set(true);
            message.set(Messages.get("projects.record.conflict"));
        } else if (failure instanceof ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(failure.getLocalizedMessage());
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }
}
