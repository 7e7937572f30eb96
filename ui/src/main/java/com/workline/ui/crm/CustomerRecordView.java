package com.workline.ui.crm;

import com.workline.persistence.crm.Activity;
import com.workline.persistence.crm.Contact;
import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import com.workline.ui.workbench.Screen;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** A customer's record: fields and custom fields on the left; contacts and the activity timeline on the right. */
public final class CustomerRecordView {
    private CustomerRecordView() {
    }

    public static Screen create(CustomerRecordViewModel vm, Runnable back, Locale locale) {
        return create(vm, back, locale, false);
    }

    /** @param canDelete whether to offer Delete (managers and above; the database checks it again) */
    public static Screen create(CustomerRecordViewModel vm, Runnable back, Locale locale, boolean canDelete) {
        return create(vm, back, locale, canDelete, java.util.List.of());
    }

    /**
     * @param moreTabs tabs other areas add beside the customer's contacts, activities and history (the customer's
     *                 quotes); shown once the customer is saved
     */
    public static Screen create(CustomerRecordViewModel vm, Runnable back, Locale locale, boolean canDelete,
                                java.util.List<javafx.scene.control.Tab> moreTabs) {
        GridPane fields = Forms.grid();
        int row = 0;
        Forms.row(fields, row++, Messages.get("customer.name"), text(vm, "name"), vm.errors().of("name"));
        ComboBox<CustomerType> type = new ComboBox<>();
        type.getItems().setAll(CustomerType.values());
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.setConverter(converter("customer.type."));
        Forms.row(fields, row++, Messages.get("customer.type"), type, vm.errors().of("type"));
        ComboBox<CustomerStatus> status = new ComboBox<>();
        status.setId("customer-status");
        status.getItems().setAll(CustomerStatus.values());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setConverter(CustomerListView.statusConverter(""));
        Forms.row(fields, row++, Messages.get("customer.status"), status, vm.errors().of("status"));
        for (String field : new String[] {"email", "phone", "website", "industry", "taxId", "currency", "paymentTermsDays",
                "creditLimit", "tags"}) {
            Forms.row(fields, row++, Messages.get("customer." + field), text(vm, field), vm.errors().of(field));
        }
        TextArea notes = new TextArea();
        notes.setId("customer-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.field("notes"));
        Forms.row(fields, row, Messages.get("customer.notes"), notes, vm.errors().of("notes"));

        GridPane customFields = Forms.grid();
        vm.definitions().addListener((ListChangeListener<CustomFieldDefinition>) change -> {
            customFields.getChildren().clear();
            int r = 0;
            for (CustomFieldDefinition d : vm.definitions()) {
                TextField input = new TextField();
                input.setId("custom-" + d.key());
                input.setPromptText(d.options().isEmpty() ? "" : String.join(" / ", d.options()));
                input.textProperty().bindBidirectional(vm.customField(d.key()));
                Forms.row(customFields, r++, d.label() + (d.required() ? " *" : ""), input, vm.errors().of("custom." + d.key()));
            }
        });

        Button save = new Button(Messages.get("form.save"));
        save.setId("customer-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Button backButton = new Button(Messages.get("customer.back"));
        backButton.setOnAction(e -> back.run());
        Label message = new Label();
        message.setId("customer-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox actions = new HBox(10, backButton, save, message);
        if (canDelete) {
            Button delete = new Button(Messages.get("customer.delete"));
            delete.setId("customer-delete");
            delete.getStyleClass().add("danger");
            delete.disableProperty().bind(vm.titleProperty().isEqualTo(Messages.get("customer.new")));
            delete.setOnAction(e -> {
                var confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                        Messages.get("customer.delete.confirm", vm.titleProperty().get()),
                        javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
                confirm.initOwner(delete.getScene().getWindow());
                confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.delete(back));
            });
            actions.getChildren().add(2, delete);
        }
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox conflictBox = conflictPanel(vm);

        ListView<Contact> contacts = new ListView<>(vm.contacts());
        contacts.setPrefHeight(140);
        contacts.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Contact c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : (c.firstName() == null ? "" : c.firstName() + " ") + c.lastName()
                        + (c.primary() ? " \u2605" : "") + (c.email() == null ? "" : "  \u00b7  " + c.email()));
            }
        });
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        ListView<Activity> timeline = new ListView<>(vm.timeline());
        timeline.setId("customer-timeline");
        timeline.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Activity a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : when.format(a.createdAt().atZoneSameInstant(ZoneId.systemDefault()))
                        + "  " + Messages.get("activity." + a.type()) + ": " + a.subject()
                        + (a.doneAt() == null && a.dueAt() != null ? "  (" + Messages.get("activity.due") + " "
                        + when.format(a.dueAt().atZoneSameInstant(ZoneId.systemDefault())) + ")" : ""));
            }
        });
        TextField activity = new TextField();
        activity.setId("activity-subject");
        activity.setPromptText(Messages.get("activity.prompt"));
        activity.textProperty().bindBidirectional(vm.newActivityProperty());
        Button logCall = new Button(Messages.get("activity.logCall"));
        logCall.setId("activity-log-call");
        logCall.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        logCall.setOnAction(e -> vm.logNote("call"));
        Button logNote = new Button(Messages.get("activity.logNote"));
        logNote.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        logNote.setOnAction(e -> vm.logNote("note"));
        HBox.setHgrow(activity, Priority.ALWAYS);
        TextField contactFirst = new TextField();
        contactFirst.setId("contact-first-name");
        contactFirst.setPromptText(Messages.get("contact.firstName"));
        contactFirst.textProperty().bindBidirectional(vm.contactFirstNameProperty());
        TextField contactLast = new TextField();
        contactLast.setId("contact-last-name");
        contactLast.setPromptText(Messages.get("contact.lastName"));
        contactLast.textProperty().bindBidirectional(vm.contactLastNameProperty());
        TextField contactEmail = new TextField();
        contactEmail.setId("contact-email");
        contactEmail.setPromptText(Messages.get("contact.email"));
        contactEmail.textProperty().bindBidirectional(vm.contactEmailProperty());
        Button addContact = new Button(Messages.get("customer.addContact"));
        addContact.setId("contact-add");
        addContact.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        addContact.setOnAction(e -> vm.addContact());
        Label contactError = new Label();
        contactError.getStyleClass().addAll("danger", "text-small");
        contactError.textProperty().bind(javafx.beans.binding.Bindings.concat(vm.errors().of("contact.lastName"), " ",
                vm.errors().of("contact.email")));
        HBox contactForm = new HBox(6, contactFirst, contactLast, contactEmail, addContact);
        ListView<com.workline.persistence.crm.Change> history = new ListView<>(vm.history());
        history.setId("customer-history");
        history.setPrefHeight(160);
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(com.workline.persistence.crm.Change c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    return;
                }
                String what = c.action().equals("INSERT") ? Messages.get("history.created")
                        : c.fields().stream().map(f -> Messages.get("history.field", f.field(), dash(f.before()), dash(f.after())))
                        .reduce((a, b) -> a + "; " + b).orElse(Messages.get("history.changed"));
                setText(when.format(c.at().atZoneSameInstant(ZoneId.systemDefault())) + "  " + c.who() + ": " + what);
            }
        });
        VBox right = new VBox(8, subtitle("customer.contacts"), contacts, contactForm, contactError, subtitle("customer.timeline"),
                new HBox(8, activity, logCall, logNote), timeline, subtitle("customer.history"), history);
        timeline.setPrefHeight(200);
        right.setPrefWidth(460);
        right.setMinWidth(420);
        right.visibleProperty().bind(vm.titleProperty().isNotEqualTo(Messages.get("customer.new")));

        Label title = new Label();
        title.getStyleClass().add("title-3");
        title.textProperty().bind(vm.titleProperty());
        Label moreFields = subtitle("customer.customFields");
        moreFields.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.definitions()));
        moreFields.managedProperty().bind(moreFields.visibleProperty());
        VBox left = new VBox(12, fields, moreFields, customFields);
        left.setMaxWidth(620);
        javafx.scene.layout.Region side = right;
        if (!moreTabs.isEmpty()) {
            javafx.scene.control.Tab overview = new javafx.scene.control.Tab(Messages.get("customer.tab.overview"), right);
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(overview);
            tabs.getTabs().addAll(moreTabs);
            tabs.setId("customer-tabs");
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.setPrefWidth(480);
            tabs.setMinWidth(440);
            tabs.visibleProperty().bind(right.visibleProperty());
            side = tabs;
        }
        HBox body = new HBox(28, left, side);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(side, Priority.ALWAYS);
        VBox page = new VBox(14, title, actions, conflictBox, body);
        page.setPadding(new Insets(20, 28, 28, 28));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("customer-record");
        return Screen.of(scroll)
                .shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::save);
    }

    /** Shown after a conflicting save: their values beside mine, and the two ways out. */
    private static VBox conflictPanel(CustomerRecordViewModel vm) {
        Label theirs = new Label();
        theirs.setWrapText(true);
        Button keepMine = new Button(Messages.get("customer.conflict.keepMine"));
        keepMine.setId("conflict-keep-mine");
        keepMine.setOnAction(e -> vm.overwriteTheirs());
        Button takeTheirs = new Button(Messages.get("customer.conflict.takeTheirs"));
        takeTheirs.setOnAction(e -> vm.takeTheirs());
        VBox box = new VBox(8, subtitle("customer.conflict.title"), theirs, new HBox(10, keepMine, takeTheirs));
        box.setId("customer-conflict");
        box.getStyleClass().add("card-form");
        box.setPadding(new Insets(12));
        box.visibleProperty().bind(vm.conflictProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        vm.conflictProperty().addListener((o, old, d) -> theirs.setText(d == null ? "" : describe(d)));
        return box;
    }

    private static String describe(CustomerDetails d) {
        return Messages.get("customer.conflict.theirs", d.name(), Messages.get("customer.status." + d.status().name()),
                nullToDash(d.email()), nullToDash(d.phone()), nullToDash(d.website()), String.join(", ", d.tags()));
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "\u2014" : s;
    }

    private static String nullToDash(String s) {
        return s == null || s.isBlank() ? "\u2014" : s;
    }

    private static Label subtitle(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("title-4");
        return label;
    }

    private static TextField text(CustomerRecordViewModel vm, String field) {
        TextField input = new TextField();
        input.setId("customer-" + field);
        input.textProperty().bindBidirectional(vm.field(field));
        return input;
    }

    private static <E extends Enum<E>> StringConverter<E> converter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : Messages.get(prefix + value.name());
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
