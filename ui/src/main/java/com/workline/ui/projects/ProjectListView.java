package com.workline.ui.projects;

import com.workline.persistence.projects.ProjectRow;
import com.workline.persistence.projects.ProjectStatus;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
 * Projects & time › Projects: search as you type, the status filter, the table with budget against actual (projects
 * over budget highlighted and marked in words), New project (Ctrl+N); Enter or a double-click opens a project.
 */
final class ProjectListView {
    private static final Duration SEARCH_PAUSE = Duration.millis(80);

    private ProjectListView() {
    }

    /** @param newProject opens a new project's form (null: not offered) */
    static Screen create(ProjectListViewModel vm, Consumer<UUID> open, Runnable newProject) {
        TextField search = new TextField();
        search.setId("project-search");
        search.setPromptText(Messages.get("projects.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        PauseTransition pause = new PauseTransition(SEARCH_PAUSE);
        pause.setOnFinished(e -> vm.refresh());
        search.textProperty().addListener((o, was, now) -> pause.playFromStart());
        HBox.setHgrow(search, Priority.ALWAYS);

        ChoiceBox<ProjectStatus> status = new ChoiceBox<>();
        status.setId("project-status-filter");
        List<ProjectStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(Arrays.asList(ProjectStatus.values()));
        status.getItems().setAll(statuses);
        status.setConverter(Forms.converter(s -> s == null ? Messages.get("projects.filter.allStatuses")
                : Messages.get("projects.status." + s.name())));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setOnAction(e -> vm.refresh());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox toolbar = new HBox(10, search, new Label(Messages.get("projects.filter.status")), status, busy);
        if (newProject != null) {
            Button add = new Button(Messages.get("projects.new"));
            add.setId("project-new");
            add.getStyleClass().add("accent");
            add.setOnAction(e -> newProject.run());
            toolbar.getChildren().add(1, add);
        }
        toolbar.setAlignment(Pos.CENTER_LEFT);

        TableView<ProjectRow> table = table(vm, open, "project-table");
        search.setOnAction(e -> {
            if (!table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            }
        });
        table.skinProperty().addListener((o, old, skin) -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                .map(n -> (ScrollBar) n).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((ob, was, now) -> {
                    if (now.doubleValue() > bar.getMax() * 0.9) {
                        vm.loadMore();
                    }
                })));

        Label message = new Label();
        message.setId("project-list-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        VBox page = new VBox(12, Forms.title(Messages.get("projects.title")), toolbar, message, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("projects");
        vm.refresh();
        Screen screen = Screen.of(page)
                .shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), search::requestFocus);
        if (newProject != null) {
            screen.shortcut(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), newProject);
        }
        return screen.whenShownAgain(vm::refresh);
    }

    /** The projects table (also on a customer's Projects tab): Enter or a double-click opens the project. */
    static TableView<ProjectRow> table(ProjectListViewModel vm, Consumer<UUID> open, String id) {
        TableView<ProjectRow> table = new TableView<>(vm.rows());
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("projects.none")));
        TableColumn<ProjectRow, String> marker = column(Messages.get("projects.column.budgetState"), vm::budgetMarker, 130);
        marker.setMinWidth(125);
        marker.getStyleClass().add("over-budget-marker");
        table.getColumns().add(marker);
        TableColumn<ProjectRow, String> number = column(Messages.get("projects.column.number"), ProjectRow::number, 125);
        number.setMinWidth(120);
        table.getColumns().add(number);
        table.getColumns().add(column(Messages.get("projects.column.name"), ProjectRow::name, 190));
        table.getColumns().add(column(Messages.get("projects.column.customer"), r -> nz(r.customerName()), 160));
        table.getColumns().add(column(Messages.get("projects.column.status"), vm::status, 85));
        table.getColumns().add(column(Messages.get("projects.column.manager"), r -> nz(r.managerName()), 130));
        TableColumn<ProjectRow, String> hours = right(column(Messages.get("projects.column.hours"), vm::hours, 130));
        hours.setMinWidth(125);
        table.getColumns().add(hours);
        TableColumn<ProjectRow, String> billable = right(column(Messages.get("projects.column.billable"), vm::billableSplit, 130));
        billable.setMinWidth(125);
        table.getColumns().add(billable);
        table.getColumns().add(right(column(Messages.get("projects.column.amount"), vm::amount, 210)));
        table.setRowFactory(t -> {
            TableRow<ProjectRow> row = new TableRow<>();
            row.itemProperty().addListener((o, was, item) -> {
                boolean over = item != null && item.overBudget();
                if (over && !row.getStyleClass().contains("over-budget")) {
                    row.getStyleClass().add("over-budget");
                } else if (!over) {
                    row.getStyleClass().remove("over-budget");
                }
            });
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem().id());
                e.consume();
            }
        });
        vm.currencyProperty().addListener((o, was, now) -> table.refresh());
        return table;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static TableColumn<ProjectRow, String> right(TableColumn<ProjectRow, String> column) {
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }

    private static TableColumn<ProjectRow, String> column(String title, Function<ProjectRow, String> value, double width) {
        TableColumn<ProjectRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
