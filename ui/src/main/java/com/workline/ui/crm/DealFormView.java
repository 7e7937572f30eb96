package com.workline.ui.crm;

import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.DealDetails;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The deal form, shown in place of the deals list or the board. Ctrl+S saves, Esc goes back (asking first when
 * the form has unsaved changes). Viewers see the fields but cannot change them.
 */
public final class DealFormView {
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private DealFormView() {
    }

    public static Node create(DealFormViewModel vm, Runnable back, Locale locale) {
        return create(vm, back, locale, DealFormView.Links.none());
    }

    /**
     * What a deal form links to beyond itself: its customer's record, and commands other areas add to deals (such as
     * "New quote"), run for the deal shown.
     *
     * @param openCustomer opens the chosen customer's record (null: no such link)
     */
    public record Links(java.util.function.Consumer<java.util.UUID> openCustomer, java.util.List<Command> commands) {
        public static Links none() {
            return new Links(null, java.util.List.of());
        }
    }

    /** A button on the form that acts on the shown deal (offered once the deal is saved). */
    public record Command(String id, String label, java.util.function.Consumer<java.util.UUID> run) {
    }

    /** @param openCustomer opens the chosen customer's record (null: no such link) */
    public static Node create(DealFormViewModel vm, Runnable back, Locale locale,
                              java.util.function.Consumer<java.util.UUID> openCustomer) {
        return create(vm, back, locale, new Links(openCustomer, java.util.List.of()));
    }

    public static Node create(DealFormViewModel vm, Runnable back, Locale locale, Links links) {
        java.util.function.Consumer<java.util.UUID> openCustomer = links.openCustomer();
        Runnable leave = () -> leave(vm, back);
        GridPane fields = Forms.grid();
        int row = 0;
        TextField title = text("deal-title", vm.titleProperty());
        Forms.row(fields, row++, Messages.get("deal.title"), title, vm.errors().of("title"));

        TextField customerSearch = text("deal-customer-search", vm.customerSearchProperty());
        customerSearch.setPromptText(Messages.get("deal.customer.search"));
        customerSearch.setPrefColumnCount(10);
        customerSearch.setOnAction(e -> vm.searchCustomers());
        ComboBox<DealDetails.Choice> customer = choice("deal-customer", vm.customers(), vm.customerProperty(), null);
        customer.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(customer, Priority.ALWAYS);
        HBox customerBox = new HBox(8, customer, customerSearch);
        if (openCustomer != null) {
            javafx.scene.control.Hyperlink open = new javafx.scene.control.Hyperlink(Messages.get("deal.customer.open"));
            open.setId("deal-open-customer");
            open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            open.setTooltip(new javafx.scene.control.Tooltip(Messages.get("deal.customer.openHint")));
            open.disableProperty().bind(vm.customerProperty().isNull());
            open.setOnAction(e -> openCustomer.accept(vm.customerProperty().get().id()));
            customerBox.getChildren().add(open);
        }
        Forms.row(fields, row++, Messages.get("deal.customer"), customerBox, vm.errors().of("customer"));

        Forms.row(fields, row++, Messages.get("deal.contact"),
                choice("deal-contact", vm.contacts(), vm.contactProperty(), Messages.get("deal.contact.none")),
                vm.errors().of("contact"));
        TextField value = text("deal-value", vm.valueProperty());
        value.setAlignment(Pos.CENTER_RIGHT);
        Forms.row(fields, row++, Messages.get("deal.value"), value, vm.errors().of("value"));
        TextField currency = text("deal-currency", vm.currencyProperty());
        currency.setPrefColumnCount(4);
        currency.setMaxWidth(90);
        Forms.row(fields, row++, Messages.get("deal.currency"), currency, vm.errors().of("currency"));

        DatePicker close = new DatePicker();
        close.setId("deal-close");
        close.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : vm.dates().format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return vm.parseTypedDate(text);
            }
        });
        close.setPromptText(vm.dates().format(LocalDate.of(2027, 12, 31)));
        close.valueProperty().bindBidirectional(vm.expectedCloseProperty());
        Forms.row(fields, row++, Messages.get("deal.expectedClose"), close, vm.errors().of("expectedCloseDate"));
        Forms.row(fields, row++, Messages.get("deal.owner"),
                choice("deal-owner", vm.owners(), vm.ownerProperty(), Messages.get("deal.owner.none")), vm.errors().of("owner"));
        TextField tags = text("deal-tags", vm.tagsProperty());
        tags.setPromptText(Messages.get("deal.tags.prompt"));
        Forms.row(fields, row, Messages.get("deal.tags"), tags, vm.errors().of("tags"));

        GridPane customFields = Forms.grid();
        vm.definitions().addListener((ListChangeListener<CustomFieldDefinition>) change -> {
            customFields.getChildren().clear();
            int r = 0;
            for (CustomFieldDefinition d : vm.definitions()) {
                TextField input = text("deal-custom-" + d.key(), vm.customField(d.key()));
                input.setPromptText(switch (d.type()) {
                    case SELECT, MULTISELECT -> String.join(" / ", d.options());
                    case DATE -> vm.dates().format(LocalDate.of(2027, 12, 31));
                    case BOOLEAN -> Messages.get("deal.custom.yesNo");
                    default -> "";
                });
                Forms.row(customFields, r++, d.label() + (d.required() ? " *" : ""), input, vm.errors().of("custom." + d.key()));
            }
        });
        Label moreFields = new Label(Messages.get("deal.customFields"));
        moreFields.getStyleClass().add("title-4");
        moreFields.visibleProperty().bind(Bindings.isNotEmpty(vm.definitions()));
        moreFields.managedProperty().bind(moreFields.visibleProperty());
        VBox form = new VBox(12, fields, moreFields, customFields);
        form.setMaxWidth(640);
        form.disableProperty().bind(vm.editableProperty().not());

        Button save = new Button(Messages.get("form.save"));
        save.setId("deal-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty());
        save.visibleProperty().bind(vm.editableProperty());
        save.managedProperty().bind(save.visibleProperty());
        save.setOnAction(e -> vm.save());
        Button backButton = new Button(Messages.get("deal.back"));
        backButton.setId("deal-back");
        backButton.setOnAction(e -> leave.run());
        Label message = new Label();
        message.setId("deal-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label readOnly = new Label(Messages.get("deal.readOnly"));
        readOnly.getStyleClass().add("text-muted");
        readOnly.visibleProperty().bind(vm.readOnlyProperty());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        HBox actions = new HBox(10, backButton, save);
        for (Command command : links.commands()) {
            Button button = new Button(command.label());
            button.setId(command.id());
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            button.disableProperty().bind(vm.busyProperty().or(vm.headingProperty().isEqualTo(Messages.get("deal.form.new"))));
            button.setOnAction(e -> {
                if (!vm.isNew()) {
                    command.run().accept(vm.original().id());
                }
            });
            actions.getChildren().add(button);
        }
        actions.getChildren().addAll(readOnly, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label heading = new Label();
        heading.getStyleClass().add("title-3");
        heading.setId("deal-heading");
        heading.textProperty().bind(vm.headingProperty());
        Label stage = new Label();
        stage.getStyleClass().add("text-muted");
        stage.textProperty().bind(vm.stageProperty());
        VBox page = new VBox(14, new VBox(2, heading, stage), actions, conflictPanel(vm, locale), form);
        page.setPadding(new Insets(20, 28, 28, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("deal-form");

        // Esc goes back, unless it closes an open popup of a choice or the date picker.
        scroll.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !(e.getTarget() instanceof ComboBoxBase<?> box && box.isShowing())) {
                e.consume();
                leave.run();
            }
        });
        // Ctrl+S as the other forms install it (scene accelerator), only while this form is shown.
        Runnable saveShortcut = () -> {
            if (scroll.getScene() != null) {
                vm.save();
            }
        };
        scroll.sceneProperty().addListener((o, old, scene) -> {
            if (old != null && old.getAccelerators().get(SAVE) == saveShortcut) {
                old.getAccelerators().remove(SAVE);
            }
            if (scene != null) {
                scene.getAccelerators().put(SAVE, saveShortcut);
            }
        });
        return scroll;
    }

    /** Back, after asking whether to drop unsaved changes. */
    private static void leave(DealFormViewModel vm, Runnable back) {
        if (!vm.dirtyProperty().get() || !vm.editableProperty().get()) {
            back.run();
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("deal.discard"), ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> back.run());
    }

    /** Shown after a conflicting save: their values beside mine, and the two ways out. */
    private static VBox conflictPanel(DealFormViewModel vm, Locale locale) {
        Label title = new Label(Messages.get("deal.conflict.title"));
        title.getStyleClass().add("title-4");
        Label theirs = new Label();
        theirs.setWrapText(true);
        theirs.setId("deal-conflict-theirs");
        Button keepMine = new Button(Messages.get("deal.conflict.keepMine"));
        keepMine.setId("deal-conflict-keep-mine");
        keepMine.setOnAction(e -> vm.overwriteTheirs());
        Button takeTheirs = new Button(Messages.get("deal.conflict.takeTheirs"));
        takeTheirs.setId("deal-conflict-take-theirs");
        takeTheirs.setOnAction(e -> vm.takeTheirs());
        VBox box = new VBox(8, title, theirs, new HBox(10, keepMine, takeTheirs));
        box.setId("deal-conflict");
        box.getStyleClass().add("card-form");
        box.setPadding(new Insets(12));
        box.visibleProperty().bind(vm.conflictProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        vm.conflictProperty().addListener((o, old, d) -> theirs.setText(d == null ? "" : describe(d, vm, locale)));
        return box;
    }

    private static String describe(DealDetails d, DealFormViewModel vm, Locale locale) {
        java.text.NumberFormat money = java.text.NumberFormat.getCurrencyInstance(locale);
        try {
            money.setCurrency(java.util.Currency.getInstance(d.currency()));
        } catch (IllegalArgumentException unknown) {
            // shown in the locale's currency format
        }
        return Messages.get("deal.conflict.theirs", d.title(), dash(d.customerName()), money.format(d.value()),
                d.expectedCloseDate() == null ? "\u2014" : vm.dates().format(d.expectedCloseDate()), dash(d.ownerName()),
                dash(String.join(", ", d.tags())));
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "\u2014" : s;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField input = new TextField();
        input.setId(id);
        input.textProperty().bindBidirectional(property);
        return input;
    }

    /** A choice box of names; with {@code none} it offers "nothing" (null) first. */
    private static ComboBox<DealDetails.Choice> choice(String id, ObservableList<DealDetails.Choice> items,
                                                       javafx.beans.property.ObjectProperty<DealDetails.Choice> value,
                                                       String none) {
        ObservableList<DealDetails.Choice> shown = none == null ? items : FXCollections.observableArrayList();
        ComboBox<DealDetails.Choice> box = new ComboBox<>(shown);
        if (none != null) {
            Runnable sync = () -> {
                java.util.List<DealDetails.Choice> all = new java.util.ArrayList<>();
                all.add(null);
                all.addAll(items);
                DealDetails.Choice chosen = value.get();
                shown.setAll(all);
                if (chosen != null && !java.util.Objects.equals(value.get(), chosen)) {
                    value.set(chosen); // a replaced item list must not drop the choice
                }
            };
            sync.run();
            items.addListener((ListChangeListener<DealDetails.Choice>) c -> sync.run());
        }
        box.setId(id);
        box.setConverter(Forms.converter(c -> c == null ? (none == null ? "" : none) : c.name()));
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
