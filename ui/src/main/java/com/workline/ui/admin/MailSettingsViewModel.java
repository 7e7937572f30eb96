package com.workline.ui.admin;

import com.workline.persistence.admin.MailSettings;
import com.workline.persistence.admin.MailSettingsService;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.mail.SmtpSettings;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Arrays;

/**
 * My profile › Outgoing mail (SMTP): the person's own mail server for sending quotes (docs/mail.md). The password field
 * stays empty to keep the stored password; it is cleared after every save. "Test connection" signs in with what is
 * typed without sending. Choosing another security moves the port along while it is the previous choice's default.
 */
public final class MailSettingsViewModel {
    /** How the last "Test connection" ended. */
    public enum TestOutcome { NONE, RUNNING, PASSED, FAILED }

    private final MailSettingsService service;
    private final SmtpSender sender;
    private final BackgroundTasks tasks;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(SmtpSettings.Security.STARTTLS.defaultPort()));
    private final ObjectProperty<SmtpSettings.Security> security = new SimpleObjectProperty<>(SmtpSettings.Security.STARTTLS);
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty fromAddress = new SimpleStringProperty("");
    private final StringProperty fromName = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper stored = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper passwordStored = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TestOutcome> testOutcome = new ReadOnlyObjectWrapper<>(TestOutcome.NONE);
    private final FieldErrors errors = new FieldErrors();
    private final BooleanBinding plainTextPassword;
    private MailSettings loaded;

    public MailSettingsViewModel(MailSettingsService service, SmtpSender sender, BackgroundTasks tasks) {
        this.service = service;
        this.sender = sender;
        this.tasks = tasks;
        this.plainTextPassword = Bindings.createBooleanBinding(() -> security.get() == SmtpSettings.Security.NONE
                && username.get() != null && !username.get().isBlank(), security, username);
        security.addListener((o, was, now) -> {
            if (was != null && now != null && String.valueOf(was.defaultPort()).equals(port.get().strip())) {
                port.set(String.valueOf(now.defaultPort()));
            }
        });
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<SmtpSettings.Security> securityProperty() {
        return security;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** A new password; empty keeps the stored one. */
    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty fromAddressProperty() {
        return fromAddress;
    }

    public StringProperty fromNameProperty() {
        return fromName;
    }

    /** Whether settings are saved (Remove is offered). */
    public ReadOnlyBooleanProperty storedProperty() {
        return stored.getReadOnlyProperty();
    }

    /** Whether a password is saved (the field's prompt says that leaving it empty keeps it). */
    public ReadOnlyBooleanProperty passwordStoredProperty() {
        return passwordStored.getReadOnlyProperty();
    }

    /** Security NONE with a user name: the password would travel unencrypted. */
    public BooleanBinding plainTextPasswordProperty() {
        return plainTextPassword;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestOutcome> testOutcomeProperty() {
        return testOutcome.getReadOnlyProperty();
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void load() {
        tasks.run(service::load, found -> found.ifPresentOrElse(this::show, () -> stored.set(false)),
                failure -> message.set(failure.getLocalizedMessage()));
    }

    private void show(MailSettings s) {
        loaded = s;
        host.set(s.host());
        security.set(s.security());
        port.set(String.valueOf(s.port()));
        username.set(nz(s.username()));
        password.set("");
        fromAddress.set(nz(s.fromAddress()));
        fromName.set(nz(s.fromName()));
        stored.set(true);
        passwordStored.set(s.passwordStored());
    }

    /** What is typed; null (with the port's error shown) when the port is not a number. */
    private MailSettings typed() {
        errors.clear();
        int number;
        try {
            number = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            errors.set("port", Messages.get("form.wholeNumber"));
            return null;
        }
        return new MailSettings(host.get(), number, security.get(), username.get(), fromAddress.get(), fromName.get(),
                passwordStored.get(), loaded == null ? MailSettings.NOT_STORED : loaded.version());
    }

    public void save() {
        message.set("");
        MailSettings typed = typed();
        if (typed == null) {
            message.set(Messages.get("form.fix"));
            return;
        }
        char[] newPassword = password.get().toCharArray();
        tasks.run(() -> {
            try {
                return service.save(typed, newPassword);
            } finally {
                Arrays.fill(newPassword, '\0');
            }
        }, saved -> {
            show(saved);
            message.set(Messages.get("mail.settings.saved"));
        }, this::failed);
    }

    /** Removes the saved settings; what is typed stays in the form (without the password). */
    public void remove() {
        message.set("");
        tasks.run(() -> {
            service.delete();
            return Boolean.TRUE;
        }, done -> {
            loaded = null;
            stored.set(false);
            passwordStored.set(false);
            password.set("");
            errors.clear();
            message.set(Messages.get("mail.settings.removed"));
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Connects, secures and signs in with what is typed (the stored password when the field is empty); sends nothing. */
    public void testConnection() {
        testResult.set("");
        MailSettings typed = typed();
        if (typed == null) {
            testOutcome.set(TestOutcome.FAILED);
            testResult.set(Messages.get("form.fix"));
            return;
        }
        char[] newPassword = password.get().toCharArray();
        testOutcome.set(TestOutcome.RUNNING);
        testResult.set(Messages.get("mail.settings.testing", typed.host()));
        tasks.run(() -> {
            SmtpSettings settings = service.resolve(typed, newPassword);
            try {
                sender.check(settings);
                return settings.signsIn() ? Messages.get("mail.settings.testPassedSignedIn", settings.host(),
                        String.valueOf(settings.port()), settings.username())
                        : Messages.get("mail.settings.testPassed", settings.host(), String.valueOf(settings.port()));
            } finally {
                settings.clearPassword();
                Arrays.fill(newPassword, '\0');
            }
        }, passed -> {
            testOutcome.set(TestOutcome.PASSED);
            testResult.set(passed);
        }, failure -> {
            testOutcome.set(TestOutcome.FAILED);
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
                testResult.set(Messages.get("form.fix"));
            } else {
                testResult.set(failure.getLocalizedMessage());
            }
        });
    }

    private void failed(WorklineException failure) {
        if (failure instanceof ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(Messages.get("form.fix"));
        } else if (failure.problem() == Problem.CONFLICT) {
            message.set(Messages.get("mail.settings.conflict"));
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
