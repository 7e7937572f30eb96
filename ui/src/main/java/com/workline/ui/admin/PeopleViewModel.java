package com.workline.ui.admin;

import com.workline.persistence.admin.Member;
import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.PeopleService;
import com.workline.persistence.session.Role;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.ui.common.FieldErrors;
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

import java.util.UUID;
import java.util.function.Supplier;

/** The people of the organization: the list, adding a person, role changes, (de)activation, password resets. */
public final class PeopleViewModel {
    private final PeopleService service;
    private final BackgroundTasks tasks;
    private final ObservableList<Member> people = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final StringProperty newEmail = new SimpleStringProperty("");
    private final StringProperty newFirstName = new SimpleStringProperty("");
    private final StringProperty newLastName = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.EMPLOYEE);
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final FieldErrors newPersonErrors = new FieldErrors();

    public PeopleViewModel(PeopleService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    public ObservableList<Member> people() {
        return people;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public StringProperty newEmailProperty() {
        return newEmail;
    }

    public StringProperty newFirstNameProperty() {
        return newFirstName;
    }

    public StringProperty newLastNameProperty() {
        return newLastName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public FieldErrors newPersonErrors() {
        return newPersonErrors;
    }

    public void load() {
        tasks.run(service::list, people::setAll, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Adds the person of the "add" form; on success the form is emptied and the list reloaded. */
    public void add(Runnable onAdded) {
        newPersonErrors.clear();
        NewPerson person = new NewPerson(newEmail.get(), newFirstName.get(), newLastName.get(), newRole.get(),
                newPassword.get().isEmpty() ? null : newPassword.get().toCharArray());
        tasks.run(() -> service.add(person), id -> {
            message.set(Messages.get("people.added", person.email().strip()));
            newEmail.set("");
            newFirstName.set("");
            newLastName.set("");
            newPassword.set("");
            newRole.set(Role.EMPLOYEE);
            onAdded.run();
            load();
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                newPersonErrors.showOnly(invalid.fieldErrors());
            } else {
                newPersonErrors.set("email", failure.getLocalizedMessage());
            }
        });
    }

    public void changeRole(Member member, Role role) {
        act(() -> {
            service.changeRole(member.userId(), role);
            return Messages.get("people.roleChanged", name(member), Messages.get("role." + role.databaseValue()));
        });
    }

    public void deactivate(Member member) {
        act(() -> {
            service.deactivate(member.userId());
            return Messages.get("people.deactivated", name(member));
        });
    }

    public void reactivate(Member member) {
        act(() -> {
            service.reactivate(member.userId());
            return Messages.get("people.reactivated", name(member));
        });
    }

    /** Resets a password; failures come back to {@code onFailure} (shown next to the dialog's field). */
    public void resetPassword(Member member, char[] password, Runnable onDone, java.util.function.Consumer<String> onFailure) {
        UUID id = member.userId();
        tasks.run(() -> {
            service.resetPassword(id, password);
            return Messages.get("people.passwordReset", name(member));
        }, done -> {
            message.set(done);
            onDone.run();
        }, failure -> onFailure.accept(failure instanceof ValidationException invalid
                ? String.join(" ", invalid.fieldErrors().values()) : failure.getLocalizedMessage()));
    }

    private void act(Supplier<String> action) {
        tasks.run(action, done -> {
            message.set(done);
            load();
        }, (WorklineException failure) -> {
            message.set(failure.getLocalizedMessage());
            load();
        });
    }

    public static String name(Member member) {
        return member.displayName() != null ? member.displayName() : member.firstName() + " " + member.lastName();
    }
}
