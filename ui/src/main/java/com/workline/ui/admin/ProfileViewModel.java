package com.workline.ui.admin;

import com.workline.persistence.admin.Profile;
import com.workline.persistence.admin.ProfileService;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Your own profile (name, phone, language) and password. */
public final class ProfileViewModel {
    private final ProfileService service;
    private final BackgroundTasks tasks;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty locale = new SimpleStringProperty("");
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty newPasswordRepeat = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passwordMessage = new ReadOnlyStringWrapper("");
    private Profile original;

    public ProfileViewModel(ProfileService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty localeProperty() {
        return locale;
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty newPasswordRepeatProperty() {
        return newPasswordRepeat;
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordMessageProperty() {
        return passwordMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void load() {
        tasks.run(service::load, this::show, failure -> message.set(failure.getLocalizedMessage()));
    }

    private void show(Profile p) {
        original = p;
        email.set(p.email());
        firstName.set(p.firstName());
        lastName.set(p.lastName());
        displayName.set(p.displayName() == null ? "" : p.displayName());
        phone.set(p.phone() == null ? "" : p.phone());
        locale.set(p.locale() == null ? "" : p.locale());
    }

    public void save() {
        if (original == null) {
            return;
        }
        errors.clear();
        message.set("");
        Profile edited = new Profile(original.userId(), original.email(), firstName.get(), lastName.get(),
                displayName.get(), phone.get(), locale.get(), original.version());
        tasks.run(() -> service.save(edited), saved -> {
            show(saved);
            message.set(Messages.get("profile.saved"));
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
            } else if (failure.problem() == Problem.CONFLICT) {
                message.set(Messages.get("profile.conflict"));
            } else {
                message.set(failure.getLocalizedMessage());
            }
        });
    }

    public void changePassword() {
        errors.set("currentPassword", "");
        errors.set("newPassword", "");
        errors.set("newPasswordRepeat", "");
        passwordMessage.set("");
        if (!newPassword.get().equals(newPasswordRepeat.get())) {
            errors.set("newPasswordRepeat", Messages.get("company.error.passwordRepeat"));
            return;
        }
        char[] current = currentPassword.get().toCharArray();
        char[] next = newPassword.get().toCharArray();
        tasks.run(() -> {
            service.changePassword(current, next);
            return Boolean.TRUE;
        }, done -> {
            currentPassword.set("");
            newPassword.set("");
            newPasswordRepeat.set("");
            passwordMessage.set(Messages.get("profile.passwordChanged"));
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                invalid.fieldErrors().forEach(errors::set);
            } else {
                passwordMessage.set(failure.getLocalizedMessage());
            }
        });
    }
}
