package com.workline.ui.admin;

import com.workline.persistence.admin.NumberFormats;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.admin.OrganizationSettingsService;
import com.workline.persistence.admin.PostalAddress;
import com.workline.persistence.admin.TaxRoundingMode;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.documents.Branding;
import com.workline.persistence.documents.Logo;
import com.workline.ui.common.FieldErrors;
import com.workline.ui.common.LocaleNumbers;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The organization settings form. Typed values stay in the properties whatever happens on save: a
 * validation error marks fields, a conflict or a lost connection shows a message, and the user can retry.
 */
public final class OrganizationSettingsViewModel {
    /** Text fields of the form, by the service's field names. */
    public static final String[] TEXT_FIELDS = {"name", "legalName", "taxId", "baseCurrency", "timezone", "locale",
            "addressLine1", "addressLine2", "city", "region", "postalCode", "country", "email", "phone", "website",
            "numberFormat.quote", "numberFormat.invoice", "numberFormat.credit_note", "numberFormat.production_order",
            "numberFormat.project", "numberFormat.customer", "defaultPaymentTermsDays", "defaultTaxRate",
            "quoteValidityDays", "documentFooter", "quoteTerms", "quoteAcceptanceLimit"};

    private boolean saving;
    private final OrganizationSettingsService service;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final ObjectProperty<TaxRoundingMode> taxRoundingMode = new SimpleObjectProperty<>(TaxRoundingMode.PER_LINE);
    private final ObjectProperty<byte[]> logo = new SimpleObjectProperty<>();
    private final StringProperty logoContentType = new SimpleStringProperty();
    private final StringProperty accentColour = new SimpleStringProperty(Branding.DEFAULT_ACCENT);
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private OrganizationSettings original;

    public OrganizationSettingsViewModel(OrganizationSettingsService service, BackgroundTasks tasks, Locale locale) {
        this.service = service;
        this.tasks = tasks;
        this.locale = locale;
        for (String field : TEXT_FIELDS) {
            text.put(field, new SimpleStringProperty(""));
        }
    }

    public StringProperty field(String name) {
        StringProperty p = text.get(name);
        if (p == null) {
            throw new IllegalArgumentException("No field " + name);
        }
        return p;
    }

    public ObjectProperty<TaxRoundingMode> taxRoundingModeProperty() {
        return taxRoundingMode;
    }

    public ObjectProperty<byte[]> logoProperty() {
        return logo;
    }

    public StringProperty logoContentTypeProperty() {
        return logoContentType;
    }

    /** The documents' accent colour as {@code #rrggbb}. */
    public StringProperty accentColourProperty() {
        return accentColour;
    }

    public FieldErrors errors() {
        return errors;
    }

    /** A message for the whole form: saved, a conflict, a lost connection. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public void load() {
        tasks.run(service::load, this::show, failure -> message.set(failure.getLocalizedMessage()));
    }

    /**
     * Takes the bytes of a chosen file as the new logo if they are a PNG or JPEG image (by their content, not the
     * file's name) of at most 1 MB; otherwise says so next to the logo and keeps the current one.
     */
    public boolean chooseLogo(byte[] bytes) {
        String type = Logo.contentTypeOf(bytes);
        if (bytes == null || type == null) {
            errors.set("logo", Messages.get("settings.logo.notAnImage"));
            return false;
        }
        if (bytes.length > Logo.MAX_BYTES) {
            errors.set("logo", Messages.get("settings.logo.tooLarge"));
            return false;
        }
        errors.set("logo", "");
        logo.set(bytes);
        logoContentType.set(type);
        return true;
    }

    /** Reads the chosen file in the background (a larger file is refused before it is read) and takes it as the logo. */
    public void chooseLogoFile(Path file) {
        tasks.run(() -> {
            try {
                return Files.size(file) > Logo.MAX_BYTES ? Optional.<byte[]>empty() : Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, read -> read.ifPresentOrElse(this::chooseLogo, () -> errors.set("logo", Messages.get("settings.logo.tooLarge"))),
                failure -> errors.set("logo", Messages.get("settings.logo.unreadable", file.getFileName(),
                        failure.getLocalizedMessage())));
    }

    public void removeLogo() {
        errors.set("logo", "");
        logo.set(null);
        logoContentType.set(null);
    }

    /**
     * How a sample quote with the form's settings (saved or not) is made, for the document preview; empty when the form
     * has errors, which are then shown next to their fields.
     */
    public Optional<Supplier<byte[]>> sampleDocument() {
        if (original == null) {
            message.set(Messages.get("form.stillLoading"));
            return Optional.empty();
        }
        errors.clear();
        message.set("");
        try {
            OrganizationSettings edited = edited();
            OrganizationSettingsService.validate(edited);
            return Optional.of(() -> SampleQuote.pdf(edited));
        } catch (ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(Messages.get("form.fix"));
            return Optional.empty();
        }
    }

    /** The organization's currency as typed (the acceptance limit is in it). */
    public String currency() {
        return get("baseCurrency").strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Saves the form. A save is never dropped silently: before the settings have loaded, or while the previous
     * save is still on its way, the person is told so (and the form keeps their input).
     */
    public void save() {
        if (original == null) {
            message.set(Messages.get("form.stillLoading"));
            return;
        }
        if (saving) {
            message.set(Messages.get("form.stillSaving"));
            return;
        }
        errors.clear();
        message.set("");
        OrganizationSettings edited;
        try {
            edited = edited();
        } catch (ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            return;
        }
        saving = true;
        tasks.run(() -> service.save(edited), saved -> {
            saving = false;
            show(saved);
            message.set(Messages.get("settings.saved"));
        }, failure -> {
            saving = false;
            showFailure(failure);
        });
    }

    private void showFailure(WorklineException failure) {
        if (failure instanceof ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set(Messages.get("form.fix"));
        } else if (failure.problem() == Problem.CONFLICT) {
            message.set(Messages.get("settings.conflict"));
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }

    /** After a conflict: take the other person's values (the typed ones are discarded). */
    public void reload() {
        errors.clear();
        message.set("");
        load();
    }

    private void show(OrganizationSettings s) {
        original = s;
        set("name", s.name());
        set("legalName", s.legalName());
        set("taxId", s.taxId());
        set("baseCurrency", s.baseCurrency());
        set("timezone", s.timezone());
        set("locale", s.locale());
        PostalAddress a = s.address();
        set("addressLine1", a.line1());
        set("addressLine2", a.line2());
        set("city", a.city());
        set("region", a.region());
        set("postalCode", a.postalCode());
        set("country", a.country());
        set("email", s.email());
        set("phone", s.phone());
        set("website", s.website());
        NumberFormats f = s.numberFormats();
        set("numberFormat.quote", f.quote());
        set("numberFormat.invoice", f.invoice());
        set("numberFormat.credit_note", f.creditNote());
        set("numberFormat.production_order", f.productionOrder());
        set("numberFormat.project", f.project());
        set("numberFormat.customer", f.customer());
        set("defaultPaymentTermsDays", Integer.toString(s.defaultPaymentTermsDays()));
        set("defaultTaxRate", formatPercent(s.defaultTaxRate()));
        set("quoteValidityDays", Integer.toString(s.quoteValidityDays()));
        set("documentFooter", s.documentFooter());
        set("quoteTerms", s.quoteTerms());
        set("quoteAcceptanceLimit", s.quoteAcceptanceLimit() == null ? null
                : LocaleNumbers.formatAmount(s.quoteAcceptanceLimit(), locale));
        accentColour.set(s.documentAccentColour());
        taxRoundingMode.set(s.taxRoundingMode());
        logo.set(s.logo());
        logoContentType.set(s.logoContentType());
        loaded.set(true);
    }

    private void set(String field, String value) {
        text.get(field).set(value == null ? "" : value);
    }

    private String get(String field) {
        return text.get(field).get();
    }

    private OrganizationSettings edited() {
        ValidationException.Collector errors = new ValidationException.Collector();
        Integer terms = parseInt(get("defaultPaymentTermsDays"));
        Integer validity = parseInt(get("quoteValidityDays"));
        BigDecimal taxRate = parseDecimal(get("defaultTaxRate"));
        String limitText = get("quoteAcceptanceLimit");
        BigDecimal limit = parseDecimal(limitText);
        errors.check(terms != null, "defaultPaymentTermsDays", Messages.get("form.wholeNumber"))
                .check(validity != null, "quoteValidityDays", Messages.get("form.wholeNumber"))
                .check(taxRate != null, "defaultTaxRate", Messages.get("form.number"))
                .check(limitText.isBlank() || limit != null, "quoteAcceptanceLimit", Messages.get("form.number"))
                .throwIfAny();
        return new OrganizationSettings(original.id(), get("name"), get("legalName"), get("taxId"),
                get("baseCurrency").strip().toUpperCase(Locale.ROOT), get("timezone").strip(), get("locale").strip(),
                new PostalAddress(get("addressLine1"), get("addressLine2"), get("city"), get("region"), get("postalCode"),
                        get("country").strip().toUpperCase(Locale.ROOT)),
                get("email"), get("phone"), get("website"), logo.get(), logoContentType.get(),
                new NumberFormats(get("numberFormat.quote"), get("numberFormat.invoice"), get("numberFormat.credit_note"),
                        get("numberFormat.production_order"), get("numberFormat.project"), get("numberFormat.customer")),
                terms, taxRoundingMode.get(), taxRate, validity, get("documentFooter"), accentColour.get(), get("quoteTerms"),
                limit, original.version());
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private BigDecimal parseDecimal(String value) {
        return LocaleNumbers.parseDecimal(value, locale);
    }

    private String formatPercent(BigDecimal value) {
        return LocaleNumbers.formatPercent(value, locale, 4);
    }
}
