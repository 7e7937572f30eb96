package com.workline.ui.crm;

import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.DealQuery;
import com.workline.persistence.crm.DealRow;
import com.workline.persistence.crm.Pipeline;
import com.workline.persistence.crm.PipelineStage;
import com.workline.ui.common.Forms;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Function;

/**
 * CRM › Pipeline › List: deals with filters; Enter or double-click opens a deal's form in place of the list,
 * right-click sets or clears its own probability.
 */
public final class DealListView {
    private DealListView() {
    }

    public static Node create(DealListViewModel vm, Locale locale) {
        return create(vm, locale, DealFormView.Links.none());
    }

    /** @param openCustomer opens a deal's customer from its form (null: no such link) */
    public static Node create(DealListViewModel vm, Locale locale, java.util.function.Consumer<java.util.UUID> openCustomer) {
        return create(vm, locale, new DealFormView.Links(openCustomer, java.util.List.of()));
    }

    /** @param links what the deal form opened from here links to */
    public static Node create(DealListViewModel vm, Locale locale, DealFormView.Links links) {
        TextField search = new TextField();
        search.setId("deal-search");
        search.setPromptText(Messages.get("deals.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        pause.setOnFinished(e -> vm.refresh());
        search.textProperty().addListener((o, old, now) -> pause.playFromStart());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMinWidth(160);

        ComboBox<String> status = combo("deal-status-filter", vm.statusProperty(),
                s -> s == null ? Messages.get("deals.allStatuses") : Messages.get("deals.status." + s));
        status.getItems().add(null);
        status.getItems().addAll(DealListViewModel.STATUSES);
        status.setOnAction(e -> vm.refresh());
        ComboBox<Pipeline> pipeline = combo("deal-pipeline-filter", vm.pipelineProperty(),
                p -> p == null ? Messages.get("deals.allPipelines") : p.name());
        pipeline.setItems(vm.pipelines());
        pipeline.setOnAction(e -> vm.pipelineChosen());
        ComboBox<PipelineStage> stage = combo("deal-stage-filter", vm.stageProperty(),
                s -> s == null ? Messages.get("deals.allStages") : s.name());
        stage.setItems(vm.stages());
        stage.disableProperty().bind(vm.pipelineProperty().isNull());
        stage.setOnAction(e -> vm.refresh());
        ComboBox<DealQuery.Sort> sort = combo("deal-sort", vm.sortProperty(),
                s -> s == null ? "" : Messages.get("deals.sort." + s.name()));
        sort.getItems().setAll(DealQuery.Sort.values());
        sort.setOnAction(e -> vm.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox toolbar = new HBox(10, search, status, pipeline, stage, sort, busy);
        toolbar.setAlignment(Pos.CENTER_LEFT);

        ComboBox<CustomerListViewModel.OwnerChoice> owner = combo("deal-owner-filter", vm.ownerProperty(),
                o -> o == null ? Messages.get("customers.filter.owner") : o.name());
        owner.setItems(vm.owners());
        owner.setOnAction(e -> vm.refresh());
        TextField tag = new TextField();
        tag.setId("deal-tag-filter");
        tag.setPromptText(Messages.get("customers.filter.tag"));
        tag.setPrefColumnCount(8);
        tag.textProperty().bindBidirectional(vm.tagProperty());
        tag.setOnAction(e -> vm.refresh());
        ComboBox<CustomFieldDefinition> field = combo("deal-field-filter", vm.customFieldProperty(),
                d -> d == null ? Messages.get("customers.filter.field") : d.label());
        field.setItems(vm.customFields());
        TextField value = new TextField();
        value.setId("deal-field-value");
        value.setPromptText(Messages.get("customers.filter.value"));
        value.setPrefColumnCount(8);
        value.textProperty().bindBidirectional(vm.customFieldValueProperty());
        value.disableProperty().bind(field.valueProperty().isNull());
        value.setOnAction(e -> vm.refresh());
        Button clear = new Button(Messages.get("customers.filter.clear"));
        clear.setId("deal-clear-filters");
        clear.setOnAction(e -> vm.clearFilters());
        Label message = new Label();
        message.setId("deal-list-message");
        message.textProperty().bind(vm.messageProperty());
        javafx.scene.layout.FlowPane filters = new javafx.scene.layout.FlowPane(10, 8, owner, tag, field, value, clear, message);
        filters.setAlignment(Pos.CENTER_LEFT);
        toolbar.getChildren().stream().filter(n -> n instanceof Region && n != search)
                .forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));

        TableView<DealRow> table = new TableView<>(vm.rows());
        table.setId("deal-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("deals.none")));
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        table.getColumns().add(column(Messages.get("deals.title"), DealRow::title, 180));
        table.getColumns().add(column(Messages.get("deals.customer"), DealRow::customerName, 170));
        table.getColumns().add(column(Messages.get("deals.stage"), r -> r.pipelineName() + " \u203a " + r.stageName(), 150));
        table.getColumns().add(column(Messages.get("deals.statusColumn"), r -> Messages.get("deals.status." + r.status()), 75));
        TableColumn<DealRow, String> amount = column(Messages.get("deals.value"), r -> money(locale, r.currency()).format(r.value()), 120);
        amount.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(amount);
        table.getColumns().add(column(Messages.get("deals.probability"), r -> r.probability().stripTrailingZeros().toPlainString()
                + " %" + (r.probabilityOverridden() ? " *" : ""), 95));
        table.getColumns().add(column(Messages.get("deals.expectedClose"),
                r -> r.expectedCloseDate() == null ? "" : dates.format(r.expectedCloseDate()), 125));
        table.getColumns().add(column(Messages.get("customer.owner"), DealRow::ownerName, 140));
        table.getColumns().forEach(c -> c.setSortable(false));
        // Short values keep their width; title, customer and stage give way.
        table.getColumns().subList(3, table.getColumns().size()).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        javafx.scene.layout.BorderPane holder = new javafx.scene.layout.BorderPane();
        @SuppressWarnings("unchecked")
        java.util.function.Consumer<DealRow>[] open = new java.util.function.Consumer[1];
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open[0].accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setRowFactory(t -> {
            TableRow<DealRow> row = new TableRow<>();
            MenuItem setProbability = new MenuItem(Messages.get("deals.probability.setMenu"));
            setProbability.setOnAction(e -> askProbability(table, vm, row.getItem(), locale));
            MenuItem follow = new MenuItem(Messages.get("deals.probability.followMenu"));
            follow.setOnAction(e -> vm.followStage(row.getItem()));
            MenuItem openDeal = new MenuItem(Messages.get("deals.open"));
            openDeal.setOnAction(e -> open[0].accept(row.getItem()));
            ContextMenu menu = new ContextMenu(openDeal, setProbability, follow);
            row.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null) {
                    open[0].accept(row.getItem());
                }
            });
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            return row;
        });
        table.skinProperty().addListener((o, old, skin) -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                .map(n -> (ScrollBar) n).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((ob, was, now) -> {
                    if (now.doubleValue() > bar.getMax() * 0.9) {
                        vm.loadMore();
                    }
                })));
        Label note = new Label(Messages.get("deals.overrideNote"));
        note.getStyleClass().addAll("text-small", "text-muted");

        VBox page = new VBox(12, Forms.title(Messages.get("deals.listTitle")), toolbar, filters, table, note);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("deal-list");
        // The deal form replaces the list; back (or Esc) returns to the same list, refreshed.
        open[0] = deal -> {
            DealFormViewModel form = vm.dealForm();
            holder.setCenter(DealFormView.create(form, () -> {
                holder.setCenter(page);
                vm.refresh();
                table.requestFocus();
            }, locale, links));
            form.open(deal.id());
        };
        holder.setCenter(page);
        vm.loadChoices();
        vm.refresh();
        return holder;
    }

    private static void askProbability(Node owner, DealListViewModel vm, DealRow deal, Locale locale) {
        TextInputDialog dialog = new TextInputDialog(LocaleNumbers.formatPercent(deal.probability(), locale, 2));
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(Messages.get("deals.probability.title"));
        dialog.setHeaderText(Messages.get("deals.probability.header", deal.title()));
        dialog.setContentText(Messages.get("deals.probability"));
        dialog.showAndWait().ifPresent(text -> vm.setProbability(deal, text));
    }

    private static NumberFormat money(Locale locale, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format;
    }

    private static <T> ComboBox<T> combo(String id, javafx.beans.property.Property<T> value, Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.setConverter(Forms.converter(text));
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static TableColumn<DealRow, String> column(String title, Function<DealRow, String> value, double width) {
        TableColumn<DealRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }
}
