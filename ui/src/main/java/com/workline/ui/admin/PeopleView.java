package com.workline.ui.admin;

import com.workline.persistence.admin.Member;
import com.workline.persistence.session.Role;
import com.workline.ui.common.Forms;
import com.workline.ui.common.Messages;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Administration › People: the list with a context menu per person, and the "add person" dialog. */
public final class PeopleView {
    private PeopleView() {
    }

    public static Node create(PeopleViewModel vm, Locale locale) {
        TableView<Member> table = new TableView<>(vm.people());
        table.setId("people-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        table.getColumns().add(column(Messages.get("people.name"), m -> m.lastName() + ", " + m.firstName()));
        table.getColumns().add(column(Messages.get("people.email"), Member::email));
        table.getColumns().add(column(Messages.get("people.role"), m -> Messages.get("role." + m.role().databaseValue())));
        table.getColumns().add(column(Messages.get("people.status"),
                m -> Messages.get(m.active() ? "people.active" : "people.inactive")));
        table.getColumns().add(column(Messages.get("people.lastSignIn"), m -> m.lastSignInAt() == null
                ? Messages.get("people.never") : dates.format(m.lastSignInAt().atZoneSameInstant(ZoneId.systemDefault()))));
        table.setRowFactory(t -> {
            TableRow<Member> row = new TableRow<>();
            row.itemProperty().addListener((o, old, member) -> row.setContextMenu(member == null ? null : actions(vm, member, row)));
            return row;
        });

        Button add = new Button(Messages.get("people.add"));
        add.setId("people-add");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> addDialog(vm, add));
        Label message = new Label();
        message.setId("people-message");
        message.textProperty().bind(vm.messageProperty());
        // The same actions as the row's context menu, for the selected person.
        javafx.scene.control.MenuButton actions = new javafx.scene.control.MenuButton(Messages.get("people.actions"));
        actions.setId("people-actions");
        actions.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        actions.setOnShowing(e -> {
            Member selected = table.getSelectionModel().getSelectedItem();
            actions.getItems().setAll(selected == null ? java.util.List.of() : actions(vm, selected, table).getItems());
        });
        HBox toolbar = new HBox(12, add, actions, message);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox page = new VBox(14, Forms.title(Messages.get("people.title")), toolbar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        page.setPadding(new Insets(20, 28, 28, 28));
        page.setId("people");
        vm.load();
        return page;
    }

    private static TableColumn<Member, String> column(String title, java.util.function.Function<Member, String> value) {
        TableColumn<Member, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    private static ContextMenu actions(PeopleViewModel vm, Member member, Node owner) {
        Menu role = new Menu(Messages.get("people.changeRole"));
        for (Role r : Role.values()) {
            MenuItem item = new MenuItem(Messages.get("role." + r.databaseValue()));
            item.setDisable(r == member.role());
            item.setOnAction(e -> vm.changeRole(member, r));
            role.getItems().add(item);
        }
        MenuItem toggle = new MenuItem(Messages.get(member.active() ? "people.deactivate" : "people.reactivate"));
        toggle.setOnAction(e -> {
            if (member.active()) {
                var confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                        Messages.get("people.confirmDeactivate", PeopleViewModel.name(member)), ButtonType.OK, ButtonType.CANCEL);
                confirm.initOwner(owner.getScene().getWindow());
                confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.deactivate(member));
            } else {
                vm.reactivate(member);
            }
        });
        MenuItem reset = new MenuItem(Messages.get("people.resetPassword"));
        reset.setOnAction(e -> resetDialog(vm, member, owner));
        return new ContextMenu(role, toggle, reset);
    }

    private static void addDialog(PeopleViewModel vm, Node owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(Messages.get("people.add.title"));
        dialog.setHeaderText(Messages.get("people.add.title"));
        GridPane grid = Forms.grid();
        TextField email = field("new-email", vm.newEmailProperty());
        Forms.row(grid, 0, Messages.get("people.email"), email, vm.newPersonErrors().of("email"));
        Forms.row(grid, 1, Messages.get("people.firstName"), field("new-first-name", vm.newFirstNameProperty()),
                vm.newPersonErrors().of("firstName"));
        Forms.row(grid, 2, Messages.get("people.lastName"), field("new-last-name", vm.newLastNameProperty()),
                vm.newPersonErrors().of("lastName"));
        ComboBox<Role> role = new ComboBox<>();
        role.setId("new-role");
        role.getItems().setAll(Role.values());
        role.valueProperty().bindBidirectional(vm.newRoleProperty());
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : Messages.get("role." + r.databaseValue());
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        Forms.row(grid, 3, Messages.get("people.role"), role, vm.newPersonErrors().of("role"));
        PasswordField password = new PasswordField();
        password.setId("new-password");
        password.textProperty().bindBidirectional(vm.newPasswordProperty());
        Forms.row(grid, 4, Messages.get("people.initialPassword"), password, vm.newPersonErrors().of("initialPassword"));
        Label hint = new Label(Messages.get("people.initialPassword.hint"));
        hint.getStyleClass().addAll("text-small", "text-muted");
        hint.setWrapText(true);
        grid.add(hint, 1, 5);
        grid.setPrefWidth(560);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("new-person-ok");
        ok.disableProperty().bind(vm.busyProperty());
        // Keep the dialog open until the service accepted the person; errors show next to the fields.
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.add(dialog::close);
        });
        // Error messages make the form taller: let the dialog grow with them.
        for (String field : new String[] {"email", "firstName", "lastName", "role", "initialPassword"}) {
            vm.newPersonErrors().of(field).addListener((o, old, now) -> javafx.application.Platform.runLater(
                    () -> dialog.getDialogPane().getScene().getWindow().sizeToScene()));
        }
        javafx.application.Platform.runLater(email::requestFocus);
        dialog.show();
    }

    private static void resetDialog(PeopleViewModel vm, Member member, Node owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(Messages.get("people.resetPassword.title", PeopleViewModel.name(member)));
        dialog.setHeaderText(dialog.getTitle());
        PasswordField password = new PasswordField();
        password.setId("reset-password");
        SimpleStringProperty error = new SimpleStringProperty("");
        GridPane grid = Forms.grid();
        Forms.row(grid, 0, Messages.get("people.newPassword"), password, error);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            vm.resetPassword(member, password.getText().toCharArray(), dialog::close, error::set);
        });
        dialog.show();
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
