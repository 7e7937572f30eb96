package com.workline.ui.signin;

import com.workline.persistence.common.ValidationException;
import com.workline.persistence.tenancy.CompanySetup;
import com.workline.persistence.tenancy.NewCompany;
import com.workline.persistence.session.SignedInPerson;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Consumer;

/** First run on the embedded database: create your company and your owner account, then you are signed in. */
public final class CreateCompanyViewModel {
    private final CompanySetup setup;
    private final BackgroundTasks tasks;
    private final Consumer<SignedInPerson> onCreated;
    private final Locale locale;

    private final StringProperty companyName = new SimpleStringProperty("");
    private final StringProperty country = new SimpleStringProperty("");
    private final StringProperty currency = new SimpleStringProperty("EUR");
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordRepeat = new SimpleStringProperty("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public CreateCompanyViewModel(CompanySetup setup, BackgroundTasks tasks, Locale locale, Consumer<SignedInPerson> onCreated) {
        this.setup = setup;
        this.tasks = tasks;
        this.locale = locale;
        this.onCreated = onCreated;
        // Sensible defaults from the computer's locale.
        if (!locale.getCountry().isEmpty()) {
            country.set(locale.getCountry());
            try {
                currency.set(Currency.getInstance(locale).getCurrencyCode());
            } catch (IllegalArgumentException ignored) {
                // a region without a currency keeps EUR
            }
        }
    }

    public StringProperty companyNameProperty() {
        return companyName;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public StringProperty currencyProperty() {
        return currency;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordRepeatProperty() {
        return passwordRepeat;
    }

    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void create() {
        if (tasks.busyProperty().get()) {
            return;
        }
        errors.clear();
        error.set("");
        if (!password.get().equals(passwordRepeat.get())) {
            errors.set("passwordRepeat", Messages.get("company.error.passwordRepeat"));
            return;
        }
        NewCompany company = new NewCompany(companyName.get(), country.get().strip(), currency.get().strip(),
                firstName.get(), lastName.get(), email.get().strip(), password.get().toCharArray());
        tasks.run(() -> setup.createCompany(company, ZoneId.systemDefault(), locale), person -> {
            password.set("");
            passwordRepeat.set("");
            onCreated.accept(person);
        }, failure -> {
            if (failure instanceof ValidationException invalid) {
                errors.showOnly(invalid.fieldErrors());
            } else {
                error.set(failure.getLocalizedMessage());
            }
        });
    }
}
