package com.workline.ui.projects;

import com.workline.persistence.projects.BillingType;
import com.workline.persistence.projects.ProjectDetails;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.persistence.projects.RoundingDirection;
import com.workline.ui.common.Forms;
import com.workline.ui.common.CustomerPicker;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A project's record: the header form, the budget panel beside it, and below the tasks (tree and board) and the
 * members. Ctrl+S saves; a conflict keeps what was typed and offers Reload.
 */
final class ProjectRecordView {
    /** How long the budget figures may be old while the record is shown (time is booked elsewhere). */
    private static final Duration FIGURES_REFRESH = Duration.seconds(30);

    /** Where the record links to: back to the list, its customer, the quote it was made from. */
    record Links(Runnable back, Consumer<UUID> openCustomer, Consumer<UUID> openQuote) {
    }

    private ProjectRecordView() {
    }

    static Screen create(ProjectRecordViewModel vm, ProjectTasksViewModel tasks, ProjectMembersViewModel members,
                         Links links) {
        Label heading = Forms.title("");
        heading.setId("project-heading");
        heading.textProperty().bind(vm.headingProperty());

        Button back = new Button("\u2190");
        back.setOnAction(e -> links.back().run());
        Button save = new Button(Messages.get("projects.record.save"));
        save.setId("project-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        save.setDisable(!vm.editable());
        Button reload = new Button(Messages.get("projects.record.reload"));
        reload.setId("project-reload");
        reload.visibleProperty().bind(vm.conflictProperty());
        reload.managedProperty().bind(vm.conflictProperty());
        reload.setOnAction(e -> vm.reload());
        Hyperlink quote = new Hyperlink();
        quote.setId("project-quote-link");
        quote.setOnAction(e -> {
            ProjectDetails d = vm.detailsProperty().get();
            if (d != null && d.project().quoteId() != null) {
                links.openQuote().accept(d.project().quoteId());
            }
        });
        vm.detailsProperty().addListener((o, was, d) -> {
            boolean fromQuote = d != null && d.quoteNumber() != null;
            quote.setText(fromQuote ? Messages.get("projects.record.fromQuote", d.quoteNumber()) : "");
            quote.setVisible(fromQuote);
            quote.setManaged(fromQuote);
        });
        quote.setVisible(false);
        quote.setManaged(false);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty().or(tasks.busyProperty()));
        HBox actions = new HBox(8, back, save, reload, quote, busy);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("project-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Node form = form(vm, links);
        Node terms = terms(vm);
        HBox fields = new HBox(32, form, terms);
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox.setHgrow(terms, Priority.ALWAYS);
        fields.setAlignment(Pos.TOP_LEFT);

        TabPane parts = new TabPane();
        parts.setId("project-tabs");
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab tree = new Tab(Messages.get("projects.tab.tasks"), TaskTreeView.create(tasks));
        tree.setId("project-tab-tasks");
        Tab board = new Tab(Messages.get("projects.tab.board"), TaskBoardView.create(tasks));
        board.setId("project-tab-board");
        Tab people = new Tab(Messages.get("projects.tab.members"), ProjectMembersView.create(members, tasks.projectIdProperty()));
        people.setId("project-tab-members");
        parts.getTabs().setAll(List.of(tree, board, people));
        parts.disableProperty().bind(tasks.projectIdProperty().isNull());
        parts.setMinHeight(320);

        VBox page = new VBox(12, heading, actions, message, fields, budget(vm), parts);
        VBox.setVgrow(parts, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("project-record");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return Screen.of(scroll)
                .shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save)
                .every(FIGURES_REFRESH, vm::refreshFigures)
                .whenShownAgain(() -> {
                    vm.refreshFigures();
                    tasks.reload();
                });
    }

    /** Who and what: name, customer, status, dates, manager, description. */
    private static Node form(ProjectRecordViewModel vm, Links links) {
        TextField name = new TextField();
        name.setId("project-name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setPrefColumnCount(24);

        Hyperlink customerName = new Hyperlink();
        customerName.setId("project-customer");
        customerName.textProperty().bind(Bindings.createStringBinding(() -> vm.customerIdProperty().get() == null
                ? Messages.get("projects.record.internal") : vm.customerNameProperty().get(),
                vm.customerIdProperty(), vm.customerNameProperty()));
        customerName.setOnAction(e -> {
            if (vm.customerIdProperty().get() != null) {
                links.openCustomer().accept(vm.customerIdProperty().get());
            }
        });
        Button change = new Button(Messages.get("projects.record.changeCustomer"));
        change.setId("project-change-customer");
        change.setOnAction(e -> CustomerPicker.choose(vm::findCustomers, change, Messages.get("projects.record.customerPrompt"), "project").ifPresent(vm::chooseCustomer));
        Button internal = new Button(Messages.get("projects.record.makeInternal"));
        internal.setId("project-internal");
        internal.setOnAction(e -> vm.chooseCustomer(null));
        internal.disableProperty().bind(vm.customerIdProperty().isNull());
        HBox customerButtons = new HBox(6, change, internal);
        customerButtons.disableProperty().bind(vm.termsEditableProperty().not());
        HBox customer = new HBox(8, customerName, customerButtons);
        customer.setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<ProjectStatus> status = new ChoiceBox<>();
        status.setId("project-status");
        status.getItems().setAll(ProjectStatus.values());
        status.setConverter(Forms.converter(s -> s == null ? "" : Messages.get("projects.status." + s.name())));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        // Status and dates, like the budget, are for managers and the project's own manager (the database says so too).
        status.disableProperty().bind(vm.termsEditableProperty().not());

        DatePicker start = new DatePicker();
        start.setId("project-start");
        start.valueProperty().bindBidirectional(vm.startDateProperty());
        DatePicker end = new DatePicker();
        end.setId("project-end");
        end.valueProperty().bindBidirectional(vm.endDateProperty());
        start.disableProperty().bind(vm.termsEditableProperty().not());
        end.disableProperty().bind(vm.termsEditableProperty().not());

        ComboBox<Person> manager = new ComboBox<>();
        manager.setId("project-manager");
        manager.setConverter(Forms.converter(p -> p == null ? Messages.get("projects.record.noManager") : p.name()));
        manager.valueProperty().bindBidirectional(vm.managerProperty());
        Runnable managers = () -> {
            // (A manager who has left the organization is shown though not offered.)
            Person chosen = vm.managerProperty().get();
            List<Person> choices = new ArrayList<>();
            choices.add(null);
            choices.addAll(vm.people());
            manager.getItems().setAll(choices);
            vm.managerProperty().set(chosen);
        };
        vm.people().addListener((ListChangeListener<Person>) c -> managers.run());
        managers.run();
        manager.disableProperty().bind(vm.termsEditableProperty().not());

        TextArea description = new TextArea();
        description.setId("project-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());

        GridPane grid = Forms.grid();
        Forms.row(grid, 0, Messages.get("projects.record.name"), name, vm.errors().of("name"));
        Forms.row(grid, 1, Messages.get("projects.record.customer"), customer, vm.errors().of("customerId"));
        Forms.row(grid, 2, Messages.get("projects.record.status"), status, vm.errors().of("status"));
        Forms.row(grid, 3, Messages.get("projects.record.start"), start, vm.errors().of("startDate"));
        Forms.row(grid, 4, Messages.get("projects.record.end"), end, vm.errors().of("endDate"));
        Forms.row(grid, 5, Messages.get("projects.record.manager"), manager, vm.errors().of("managerId"));
        Forms.row(grid, 6, Messages.get("projects.record.description"), description, vm.errors().of("description"));
        grid.setDisable(!vm.editable());
        grid.setMinWidth(460);
        return grid;
    }

    /** Billing and budget: managers and above or the project's manager. */
    private static Node terms(ProjectRecordViewModel vm) {
        ChoiceBox<BillingType> billing = new ChoiceBox<>();
        billing.setId("project-billing-type");
        billing.getItems().setAll(BillingType.values());
        billing.setConverter(Forms.converter(b -> b == null ? "" : Messages.get("projects.billingType." + b.name())));
        billing.valueProperty().bindBidirectional(vm.billingTypeProperty());
        TextField hours = new TextField();
        hours.setId("project-budget-hours");
        hours.setPrefColumnCount(8);
        hours.setPromptText(Messages.get("projects.record.hoursPrompt"));
        hours.textProperty().bindBidirectional(vm.budgetHoursProperty());
        TextField amount = new TextField();
        amount.setId("project-budget-amount");
        amount.setPrefColumnCount(10);
        amount.textProperty().bindBidirectional(vm.budgetAmountProperty());
        Label currency = new Label();
        currency.textProperty().bind(vm.currencyProperty());
        HBox amountBox = new HBox(6, amount, currency);
        amountBox.setAlignment(Pos.CENTER_LEFT);
        CheckBox billable = new CheckBox(Messages.get("projects.record.defaultBillable"));
        billable.setId("project-default-billable");
        billable.selectedProperty().bindBidirectional(vm.defaultBillableProperty());
        CheckBox refuse = new CheckBox(Messages.get("projects.record.refuseOverBudget"));
        refuse.setId("project-refuse-over-budget");
        refuse.selectedProperty().bindBidirectional(vm.refuseOverBudgetProperty());
        TextField unit = new TextField();
        unit.setId("project-rounding-unit");
        unit.setPrefColumnCount(6);
        unit.setMinWidth(90);
        unit.setPromptText(Messages.get("projects.record.roundingInherited"));
        unit.textProperty().bindBidirectional(vm.roundingUnitProperty());
        ChoiceBox<RoundingDirection> direction = new ChoiceBox<>();
        direction.setId("project-rounding-direction");
        List<RoundingDirection> directions = new ArrayList<>();
        directions.add(null);
        directions.addAll(Arrays.asList(RoundingDirection.values()));
        direction.getItems().setAll(directions);
        direction.setConverter(Forms.converter(d -> d == null ? Messages.get("projects.rounding.none")
                : Messages.get("projects.rounding." + d.name())));
        direction.valueProperty().bindBidirectional(vm.roundingDirectionProperty());
        Label minutes = new Label(Messages.get("projects.record.roundingMinutes"));
        minutes.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox rounding = new HBox(6, unit, minutes, direction);
        rounding.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = Forms.grid();
        Forms.row(grid, 0, Messages.get("projects.record.billingType"), billing, vm.errors().of("billingType"));
        Forms.row(grid, 1, Messages.get("projects.record.budgetHours"), hours, vm.errors().of("budgetMinutes"));
        Forms.row(grid, 2, Messages.get("projects.record.budgetAmount"), amountBox, vm.errors().of("budgetAmount"));
        Forms.row(grid, 3, "", new VBox(6, billable, refuse), vm.errors().of("refuseOverBudget"));
        Forms.row(grid, 4, Messages.get("projects.record.rounding"), rounding, vm.errors().of("rounding"));
        grid.disableProperty().bind(vm.termsEditableProperty().not());
        grid.setMinWidth(460);
        return grid;
    }

    /** Budget against actual, over budget in words, and the budget lines per service category. */
    private static Node budget(ProjectRecordViewModel vm) {
        Label title = new Label(Messages.get("projects.budget.title"));
        title.getStyleClass().add("title-4");
        GridPane figures = new GridPane();
        figures.setHgap(12);
        figures.setVgap(4);
        figure(figures, 0, "projects.budget.hours", "project-budget-hours-figure", vm.hoursFigureProperty());
        figure(figures, 1, "projects.budget.billable", "project-budget-billable-figure", vm.billableFigureProperty());
        figure(figures, 2, "projects.budget.amount", "project-budget-amount-figure", vm.amountFigureProperty());
        Label verdict = new Label();
        verdict.setId("project-budget-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(Bindings.createStringBinding(() -> (vm.overBudgetProperty().get() ? "\u26a0 " : "")
                + vm.verdictProperty().get(), vm.overBudgetProperty(), vm.verdictProperty()));
        vm.overBudgetProperty().addListener((o, was, over) -> {
            if (over) {
                verdict.getStyleClass().add("over-budget-text");
            } else {
                verdict.getStyleClass().remove("over-budget-text");
            }
        });

        TableView<ProjectRecordViewModel.BudgetLineRow> lines = new TableView<>(vm.budgetLines());
        lines.setId("project-budget-lines");
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.setPrefHeight(130);
        lines.setMinHeight(100);
        lines.getColumns().add(column(Messages.get("projects.budget.category"), ProjectRecordViewModel.BudgetLineRow::category, 140, false));
        lines.getColumns().add(column(Messages.get("projects.budget.lineHours"), ProjectRecordViewModel.BudgetLineRow::budgetHours, 70, true));
        lines.getColumns().add(column(Messages.get("projects.budget.lineAmount"), ProjectRecordViewModel.BudgetLineRow::budgetAmount, 110, true));
        if (vm.showsLineActuals()) {
            lines.getColumns().add(column(Messages.get("projects.budget.actualHours"), ProjectRecordViewModel.BudgetLineRow::actualHours, 70, true));
            lines.getColumns().add(column(Messages.get("projects.budget.actualAmount"), ProjectRecordViewModel.BudgetLineRow::actualAmount, 110, true));
        }
        lines.setRowFactory(t -> {
            TableRow<ProjectRecordViewModel.BudgetLineRow> row = new TableRow<>();
            row.itemProperty().addListener((o, was, item) -> {
                row.getStyleClass().remove("over-budget");
                if (item != null && item.over()) {
                    row.getStyleClass().add("over-budget");
                }
            });
            return row;
        });
        Label linesTitle = new Label(Messages.get("projects.budget.lines"));
        VBox linesBox = new VBox(4, linesTitle, lines);
        Runnable showLines = () -> {
            linesBox.setVisible(!vm.budgetLines().isEmpty());
            linesBox.setManaged(!vm.budgetLines().isEmpty());
        };
        vm.budgetLines().addListener((ListChangeListener<ProjectRecordViewModel.BudgetLineRow>) c -> showLines.run());
        showLines.run();

        figures.setMinWidth(340);
        figures.setPrefWidth(420);
        HBox numbers = new HBox(24, figures, linesBox);
        HBox.setHgrow(linesBox, Priority.ALWAYS);
        VBox panel = new VBox(8, title, numbers, verdict);
        panel.setId("project-budget");
        panel.getStyleClass().add("card-form");
        panel.setPadding(new Insets(12));
        return panel;
    }

    private static void figure(GridPane grid, int row, String key, String id, javafx.beans.value.ObservableStringValue value) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("text-muted");
        Label figure = new Label();
        figure.setId(id);
        figure.textProperty().bind(value);
        grid.add(label, 0, row);
        grid.add(figure, 1, row);
    }

    private static TableColumn<ProjectRecordViewModel.BudgetLineRow, String> column(
            String title, Function<ProjectRecordViewModel.BudgetLineRow, String> value, double width, boolean right) {
        TableColumn<ProjectRecordViewModel.BudgetLineRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        if (right) {
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return column;
    }
}
