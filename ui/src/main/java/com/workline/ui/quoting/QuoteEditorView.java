package com.workline.ui.quoting;

import com.workline.persistence.catalog.ProductRow;
import com.workline.persistence.catalog.ServiceCategory;
import com.workline.persistence.crm.Contact;
import com.workline.persistence.money.LineKind;
import com.workline.persistence.quoting.QuoteEvent;
import com.workline.ui.common.Forms;
import com.workline.ui.common.CustomerPicker;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.RecordAction;
import com.workline.ui.workbench.Screen;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The quote editor: header, the lines table (Enter adds a line, Alt+Up/Alt+Down move it), product search and
 * service categories, live totals with the tax summary, the actions by status, and the history.
 */
public final class QuoteEditorView {
    private QuoteEditorView() {
    }

    /** @param preview opens the PDF preview of the stored quote (null: not offered) */
    public static Screen create(QuoteEditorViewModel vm, Runnable back, Runnable preview) {
        return create(vm, back, preview, null);
    }

    /**
     * A command another area adds to quotes (a workbench {@code RecordAction}): one button, asked in the background
     * whether it applies to the quote as it is now.
     */
    record Command(String id, String label, java.util.function.Consumer<java.util.UUID> run,
                   Function<java.util.UUID, RecordAction.State> availability) {
    }

    /** @param mail the "E-mail…" button and the list of sends (null: not offered) */
    static Screen create(QuoteEditorViewModel vm, Runnable back, Runnable preview, QuoteSendsView.Parts mail) {
        return create(vm, back, preview, mail, List.of());
    }

    /** @param commands other areas' commands on quotes, one button each */
    static Screen create(QuoteEditorViewModel vm, Runnable back, Runnable preview, QuoteSendsView.Parts mail,
                         List<Command> commands) {
        Label heading = Forms.title("");
        vm.quoteProperty().addListener((o, was, q) -> heading.setText(q == null ? "" : q.number() == null
                ? Messages.get("quote.heading.unnumbered", Messages.get("quote.status." + q.status().name()))
                : Messages.get("quote.heading", q.number(), Messages.get("quote.status." + q.status().name()))));

        TextField title = new TextField();
        title.setId("quote-title");
        title.textProperty().bindBidirectional(vm.titleProperty());
        title.setMaxWidth(640);
        DatePicker validUntil = new DatePicker();
        validUntil.setId("quote-valid-until");
        validUntil.valueProperty().bindBidirectional(vm.validUntilProperty());
        TextField currency = new TextField();
        currency.setId("quote-currency");
        currency.setPrefColumnCount(4);
        currency.setMaxWidth(90);
        currency.textProperty().bindBidirectional(vm.currencyProperty());
        TextField discount = new TextField();
        discount.setId("quote-document-discount");
        discount.setPrefColumnCount(6);
        discount.setMaxWidth(110);
        discount.textProperty().bindBidirectional(vm.documentDiscountProperty());
        TextField exchangeRate = new TextField();
        exchangeRate.setId("quote-exchange-rate");
        exchangeRate.setPrefColumnCount(10);
        exchangeRate.textProperty().bindBidirectional(vm.exchangeRateProperty());
        Label exchangeHint = new Label();
        exchangeHint.getStyleClass().add("text-muted");
        exchangeHint.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("quote.exchangeRate.hint",
                vm.currencyProperty().get() == null ? "" : vm.currencyProperty().get().strip().toUpperCase(java.util.Locale.ROOT),
                vm.baseCurrencyProperty().get()), vm.currencyProperty(), vm.baseCurrencyProperty()));
        HBox exchange = new HBox(8, exchangeRate, exchangeHint);
        exchange.setAlignment(Pos.CENTER_LEFT);
        Label customerName = new Label();
        customerName.setId("quote-customer");
        customerName.textProperty().bind(vm.customerNameProperty());
        Button changeCustomer = new Button(Messages.get("quote.changeCustomer"));
        changeCustomer.setId("quote-change-customer");
        changeCustomer.setOnAction(e -> CustomerPicker.choose(vm::findCustomers, changeCustomer, Messages.get("quotes.newCustomerPrompt"), "quote").ifPresent(vm::chooseCustomer));
        HBox customer = new HBox(10, customerName, changeCustomer);
        customer.setAlignment(Pos.CENTER_LEFT);
        ChoiceBox<Contact> contact = new ChoiceBox<>();
        contact.setId("quote-contact");
        contact.setConverter(Forms.converter(c -> c == null ? Messages.get("quote.noContact")
                : (nz(c.firstName()) + " " + nz(c.lastName())).strip()));
        Runnable contactItems = () -> {
            List<Contact> items = new ArrayList<>();
            items.add(null);
            items.addAll(vm.contacts());
            contact.getItems().setAll(items);
            contact.setValue(vm.contacts().stream().filter(c -> c.id().equals(vm.contactIdProperty().get())).findFirst()
                    .orElse(null));
        };
        vm.contacts().addListener((javafx.collections.ListChangeListener<Contact>) c -> contactItems.run());
        vm.contactIdProperty().addListener((o, was, now) -> contactItems.run());
        contact.setOnAction(e -> vm.contactIdProperty().set(contact.getValue() == null ? null : contact.getValue().id()));
        contactItems.run();
        // Two columns: who and what on the left, validity and money on the right (the lines get the height).
        GridPane header = Forms.grid();
        Forms.row(header, 0, Messages.get("quote.title"), title, vm.errors().of("title"));
        Forms.row(header, 1, Messages.get("quote.customer"), customer, vm.errors().of("customerId"));
        Forms.row(header, 2, Messages.get("quote.contact"), contact, vm.errors().of("contactId"));
        GridPane terms0 = Forms.grid();
        Forms.row(terms0, 0, Messages.get("quote.validUntil"), validUntil, vm.errors().of("validUntil"));
        Forms.row(terms0, 1, Messages.get("quote.currency"), currency, vm.errors().of("currency"));
        Forms.row(terms0, 2, Messages.get("quote.documentDiscount"), discount, vm.errors().of("documentDiscount"));
        Label exchangeLabel = new Label(Messages.get("quote.exchangeRate"));
        Label exchangeError = new Label();
        exchangeError.getStyleClass().addAll("danger", "text-small");
        exchangeError.textProperty().bind(vm.errors().of("exchangeRate"));
        terms0.add(exchangeLabel, 0, 3);
        terms0.add(new VBox(2, exchange, exchangeError), 1, 3);
        for (Node n : List.of(exchangeLabel, exchange.getParent())) {
            n.visibleProperty().bind(vm.foreignCurrencyProperty());
            n.managedProperty().bind(vm.foreignCurrencyProperty());
        }
        terms0.disableProperty().bind(vm.editableProperty().not());
        HBox headerColumns = new HBox(32, header, terms0);
        HBox.setHgrow(header, Priority.ALWAYS);
        header.disableProperty().bind(vm.editableProperty().not());

        TextArea terms = area("quote-terms", vm.termsProperty());
        TextArea customerNotes = area("quote-customer-notes", vm.customerNotesProperty());
        TextArea internalNotes = area("quote-internal-notes", vm.internalNotesProperty());
        GridPane texts = Forms.grid();
        Forms.row(texts, 0, Messages.get("quote.terms"), terms, vm.errors().of("terms"));
        Forms.row(texts, 1, Messages.get("quote.customerNotes"), customerNotes, vm.errors().of("customerNotes"));
        Forms.row(texts, 2, Messages.get("quote.internalNotes"), internalNotes, vm.errors().of("internalNotes"));
        texts.disableProperty().bind(vm.editableProperty().not());
        javafx.scene.control.TitledPane textsPane = new javafx.scene.control.TitledPane(Messages.get("quote.texts"), texts);
        textsPane.setId("quote-texts");
        textsPane.setExpanded(false);

        TableView<QuoteLineRow> table = linesTable(vm);

        Button addLine = new Button(Messages.get("quote.line.add"));
        addLine.setId("quote-line-add");
        addLine.setOnAction(e -> select(table, vm.lines().indexOf(vm.addLine(LineKind.PRODUCT))));
        Button addText = new Button(Messages.get("quote.line.addText"));
        addText.setId("quote-line-add-text");
        addText.setOnAction(e -> select(table, vm.lines().indexOf(vm.addLine(LineKind.TEXT))));
        TextField product = new TextField();
        product.setId("quote-product-search");
        product.setPromptText(Messages.get("quote.line.kind.PRODUCT"));
        ContextMenu productChoices = new ContextMenu();
        product.textProperty().addListener((o, was, now) -> {
            if (now == null || now.isBlank()) {
                productChoices.hide();
                return;
            }
            vm.findProducts(now, rows -> {
                productChoices.getItems().setAll(rows.stream().map(p -> {
                    MenuItem item = new MenuItem(p.code() + " \u00b7 " + p.name());
                    item.setOnAction(e -> {
                        addProduct(vm, table, p);
                        product.clear();
                    });
                    return item;
                }).toList());
                if (!rows.isEmpty() && product.getScene() != null) {
                    productChoices.show(product, javafx.geometry.Side.BOTTOM, 0, 0);
                }
            });
        });
        ChoiceBox<ServiceCategory> service = new ChoiceBox<>(vm.serviceCategories());
        service.setId("quote-service-category");
        service.setConverter(Forms.converter(c -> c == null ? Messages.get("quote.line.kind.SERVICE") : c.name()));
        service.setOnAction(e -> {
            ServiceCategory chosen = service.getValue();
            if (chosen != null) {
                QuoteLineRow row = vm.addLine(LineKind.SERVICE);
                row.descriptionProperty().set(chosen.name());
                vm.chooseService(row, chosen.id());
                select(table, vm.lines().indexOf(row));
                service.setValue(null);
            }
        });
        Button remove = new Button(Messages.get("quote.line.remove"));
        remove.setId("quote-line-remove");
        remove.setOnAction(e -> vm.removeLine(table.getSelectionModel().getSelectedIndex()));
        Button up = new Button(Messages.get("quote.line.up"));
        up.setOnAction(e -> select(table, vm.moveUp(table.getSelectionModel().getSelectedIndex())));
        Button down = new Button(Messages.get("quote.line.down"));
        down.setOnAction(e -> select(table, vm.moveDown(table.getSelectionModel().getSelectedIndex())));
        HBox lineTools = new HBox(8, addLine, addText, product, service, remove, up, down);
        lineTools.setAlignment(Pos.CENTER_LEFT);
        lineTools.disableProperty().bind(vm.editableProperty().not());

        GridPane totals = Forms.grid();
        totalRow(totals, 0, "quote.subtotal", null, vm.subtotalProperty());
        totalRow(totals, 1, "quote.discountAmount", null, vm.discountAmountProperty());
        totalRow(totals, 2, "quote.net", null, vm.netProperty());
        totalRow(totals, 3, "quote.tax", null, vm.taxProperty());
        totalRow(totals, 4, "quote.total", null, vm.totalProperty());
        ListView<String> taxSummary = new ListView<>(vm.taxSummary());
        taxSummary.setId("quote-tax-summary");
        taxSummary.setPrefHeight(80);
        VBox totalsBox = new VBox(6, totals, taxSummary);

        ListView<QuoteEvent> history = new ListView<>(vm.events());
        history.setId("quote-history");
        history.setPrefHeight(140);
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(QuoteEvent event, boolean empty) {
                super.updateItem(event, empty);
                setText(empty || event == null ? null : Messages.get("quote.event.by",
                        event.changedAt() == null ? "" : WHEN.withLocale(vm.locale()).format(
                                event.changedAt().atZoneSameInstant(java.time.ZoneId.systemDefault())),
                        event.changedByName() == null ? Messages.get("quote.event.system") : event.changedByName(),
                        Messages.get("quote.event.action." + event.action()),
                        Messages.get("quote.status." + event.toStatus().name()))
                        + (event.note() == null ? "" : " \u00b7 " + event.note()));
            }
        });
        VBox historyBox = new VBox(6, new Label(Messages.get("quote.history")), history);
        HBox bottom = new HBox(24, totalsBox, historyBox);
        HBox.setHgrow(historyBox, Priority.ALWAYS);
        if (mail != null) {
            bottom.getChildren().add(mail.list());
            HBox.setHgrow(mail.list(), Priority.ALWAYS);
        }

        Button save = new Button(Messages.get("quote.save"));
        save.setId("quote-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.editableProperty().not().or(vm.busyProperty()));
        Button reload = new Button(Messages.get("quote.reload"));
        reload.setId("quote-reload");
        reload.visibleProperty().bind(vm.conflictProperty());
        reload.managedProperty().bind(vm.conflictProperty());
        reload.setOnAction(e -> vm.reload());
        Button send = action("quote-send", "quote.send", vm::send);
        Button accept = action("quote-accept", "quote.accept", vm::accept);
        Button reject = action("quote-reject", "quote.reject", () -> {
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle(Messages.get("quote.reject"));
            ask.setHeaderText(Messages.get("quote.rejectReason"));
            if (table.getScene() != null) {
                ask.initOwner(table.getScene().getWindow());
            }
            ask.showAndWait().ifPresent(vm::reject);
        });
        Button cancel = action("quote-cancel", "quote.cancel", vm::cancel);
        Button revise = action("quote-revise", "quote.revise", vm::revise);
        Button duplicate = action("quote-duplicate", "quote.duplicate", vm::duplicate);
        HBox actions = new HBox(8, save, reload, send, accept, reject, cancel, revise, duplicate);
        if (preview != null) {
            Button pdf = action("quote-preview", "quote.preview", preview);
            actions.getChildren().add(pdf);
            vm.quoteProperty().addListener((o, was, q) -> pdf.setDisable(q == null));
        }
        if (mail != null) {
            actions.getChildren().add(mail.button());
        }
        List<Runnable> askCommands = new ArrayList<>();
        for (Command command : commands) {
            Button button = new Button(command.label());
            button.setId(command.id());
            button.setDisable(true);
            button.setOnAction(e -> {
                if (vm.quoteProperty().get() != null) {
                    command.run().accept(vm.quoteProperty().get().id());
                }
            });
            actions.getChildren().add(button);
            Runnable ask = () -> {
                var q = vm.quoteProperty().get();
                if (q == null) {
                    button.setDisable(true);
                    return;
                }
                vm.ask(command, () -> command.availability().apply(q.id()), state -> {
                    button.setDisable(!state.enabled());
                    button.setText(state.labelKey() == null ? command.label() : Messages.get(state.labelKey()));
                });
            };
            vm.quoteProperty().addListener((o, was, q) -> ask.run());
            askCommands.add(ask);
        }
        Runnable enable = () -> {
            send.setDisable(!vm.canSend());
            accept.setDisable(!vm.canAccept());
            reject.setDisable(!vm.canReject());
            cancel.setDisable(!vm.canCancel());
            revise.setDisable(!vm.canRevise());
            duplicate.setDisable(!vm.canDuplicate());
        };
        enable.run();
        vm.quoteProperty().addListener((o, was, q) -> enable.run());
        Button backButton = new Button("\u2190");
        backButton.setOnAction(e -> back.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        actions.getChildren().add(0, backButton);
        actions.getChildren().add(busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("quote-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        VBox page = new VBox(12, heading, actions, message, headerColumns, new Label(Messages.get("quote.lines")), lineTools, table,
                textsPane, bottom);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 20, 28));
        page.setId("quote-editor");
        // Small windows scroll; the lines table keeps a useful height.
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("quote-editor-scroll");
        table.setMinHeight(200);
        return Screen.of(scroll)
                .shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save)
                .whenShownAgain(() -> askCommands.forEach(Runnable::run));
    }

    private static void addProduct(QuoteEditorViewModel vm, TableView<QuoteLineRow> table, ProductRow product) {
        QuoteLineRow selected = table.getSelectionModel().getSelectedItem();
        QuoteLineRow row = selected != null && selected.kindProperty().get() == LineKind.PRODUCT
                && selected.productIdProperty().get() == null ? selected : vm.addLine(LineKind.PRODUCT);
        vm.chooseProduct(row, product);
        select(table, vm.lines().indexOf(row));
    }

    private static final javafx.scene.input.DataFormat LINE_INDEX = new javafx.scene.input.DataFormat(
            "application/x-workline-quote-line");

    /** A line row that can be dragged onto another row of the same table to move it there (drafts only). */
    private static javafx.scene.control.TableRow<QuoteLineRow> draggableRow(QuoteEditorViewModel vm,
                                                                            TableView<QuoteLineRow> table) {
        javafx.scene.control.TableRow<QuoteLineRow> row = new javafx.scene.control.TableRow<>();
        row.setOnDragDetected(e -> {
            if (row.isEmpty() || !vm.editableProperty().get() || table.getEditingCell() != null) {
                return;
            }
            javafx.scene.input.Dragboard board = row.startDragAndDrop(javafx.scene.input.TransferMode.MOVE);
            board.setDragView(row.snapshot(null, null));
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.put(LINE_INDEX, row.getIndex());
            board.setContent(content);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (e.getGestureSource() instanceof javafx.scene.control.TableRow<?> source && source.getTableView() == table
                    && e.getDragboard().hasContent(LINE_INDEX)) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.MOVE);
                e.consume();
            }
        });
        row.setOnDragDropped(e -> {
            javafx.scene.input.Dragboard board = e.getDragboard();
            if (!board.hasContent(LINE_INDEX)) {
                return;
            }
            int from = (Integer) board.getContent(LINE_INDEX);
            int to = row.isEmpty() ? vm.lines().size() - 1 : row.getIndex();
            select(table, vm.moveLine(from, to));
            e.setDropCompleted(true);
            e.consume();
        });
        return row;
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofLocalizedDateTime(
            java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT);

    private static TextArea area(String id, javafx.beans.property.StringProperty text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setPrefRowCount(3);
        area.setWrapText(true);
        area.textProperty().bindBidirectional(text);
        return area;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static Button action(String id, String key, Runnable run) {
        Button button = new Button(Messages.get(key));
        button.setId(id);
        button.setOnAction(e -> run.run());
        return button;
    }

    private static void totalRow(GridPane grid, int row, String key, String ignored, javafx.beans.value.ObservableStringValue value) {
        Label label = new Label(Messages.get(key));
        Label amount = new Label();
        amount.textProperty().bind(value);
        amount.setId(key.replace('.', '-'));
        GridPane.setHalignment(amount, javafx.geometry.HPos.RIGHT);
        if (key.equals("quote.total")) {
            label.getStyleClass().add("text-bold");
            amount.getStyleClass().add("text-bold");
        }
        grid.add(label, 0, row);
        grid.add(amount, 1, row);
    }

    private static void select(TableView<QuoteLineRow> table, int index) {
        if (index >= 0 && index < table.getItems().size()) {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        }
    }

    private static TableView<QuoteLineRow> linesTable(QuoteEditorViewModel vm) {
        TableView<QuoteLineRow> table = new TableView<>(vm.lines());
        table.setId("quote-lines");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.editableProperty().bind(vm.editableProperty());
        table.setPrefHeight(260);

        TableColumn<QuoteLineRow, LineKind> kind = new TableColumn<>(Messages.get("quote.line.kind"));
        kind.setCellValueFactory(c -> c.getValue().kindProperty());
        kind.setCellFactory(ChoiceBoxTableCell.forTableColumn(
                Forms.converter(k -> k == null ? "" : Messages.get("quote.line.kind." + k.name())), LineKind.values()));
        kind.setPrefWidth(90);
        table.getColumns().add(kind);
        table.getColumns().add(text("quote.line.description", QuoteLineRow::descriptionProperty, 260));
        table.getColumns().add(text("quote.line.quantity", QuoteLineRow::quantityProperty, 80));
        table.getColumns().add(text("quote.line.unit", QuoteLineRow::unitProperty, 60));
        table.getColumns().add(text("quote.line.unitPrice", QuoteLineRow::unitPriceProperty, 100));
        table.getColumns().add(text("quote.line.discount", QuoteLineRow::discountPercentProperty, 80));
        table.getColumns().add(text("quote.line.taxRate", QuoteLineRow::taxRatePercentProperty, 70));
        TableColumn<QuoteLineRow, Boolean> optional = new TableColumn<>(Messages.get("quote.line.optional"));
        optional.setCellValueFactory(c -> c.getValue().optionalProperty());
        optional.setCellFactory(CheckBoxTableCell.forTableColumn(optional));
        optional.setPrefWidth(70);
        table.getColumns().add(optional);
        TableColumn<QuoteLineRow, String> net = text("quote.line.net", QuoteLineRow::netProperty, 100);
        net.setEditable(false);
        net.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(net);
        table.setRowFactory(t -> draggableRow(vm, table));

        table.setOnKeyPressed(e -> {
            int index = table.getSelectionModel().getSelectedIndex();
            if (!vm.editableProperty().get() || table.getEditingCell() != null) {
                return;
            }
            if (e.isAltDown() && e.getCode() == KeyCode.UP) {
                select(table, vm.moveUp(index));
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.DOWN) {
                select(table, vm.moveDown(index));
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && (index < 0 || index == vm.lines().size() - 1)) {
                QuoteLineRow row = vm.addLine(LineKind.PRODUCT);
                int added = vm.lines().indexOf(row);
                select(table, added);
                table.edit(added, table.getColumns().get(1));
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && index >= 0) {
                vm.removeLine(index);
                e.consume();
            }
        });
        return table;
    }

    private static TableColumn<QuoteLineRow, String> text(String key, Function<QuoteLineRow, StringProperty> property,
                                                           double width) {
        TableColumn<QuoteLineRow, String> column = new TableColumn<>(Messages.get(key));
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

}
