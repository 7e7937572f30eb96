package com.workline.ui.crm;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.crm.CustomFieldDefinition;
import com.workline.persistence.crm.DealPage;
import com.workline.persistence.crm.DealQuery;
import com.workline.persistence.crm.DealRow;
import com.workline.persistence.crm.DealService;
import com.workline.persistence.crm.Pipeline;
import com.workline.persistence.crm.PipelineStage;
import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.KeysetRows;
import com.workline.ui.common.LocaleNumbers;
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

import java.math.BigDecimal;

/**
 * CRM › Pipeline › List: every deal with the customer list's kinds of filters (search, status, owner, tag,
 * custom field) plus pipeline and stage, sorted by value, title or age, paged by keyset as the user scrolls.
 */
public final class DealListViewModel {
    public static final int PAGE_SIZE = 100;
    public static final java.util.List<String> STATUSES = java.util.List.of("open", "won", "lost");

    private final TenantSession session;
    private final DealService deals;
    private final BackgroundTasks tasks;
    private final java.util.Locale locale;
    private final KeysetRows<DealRow, DealPage.Cursor> pages;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>("open");
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObjectProperty<PipelineStage> stage = new SimpleObjectProperty<>();
    private final ObjectProperty<CustomerListViewModel.OwnerChoice> owner = new SimpleObjectProperty<>();
    private final StringProperty tag = new SimpleStringProperty("");
    private final ObjectProperty<CustomFieldDefinition> customField = new SimpleObjectProperty<>();
    private final StringProperty customFieldValue = new SimpleStringProperty("");
    private final ObjectProperty<DealQuery.Sort> sort = new SimpleObjectProperty<>(DealQuery.Sort.VALUE);
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObservableList<PipelineStage> stages = FXCollections.observableArrayList();
    private final ObservableList<CustomerListViewModel.OwnerChoice> owners = FXCollections.observableArrayList();
    private final ObservableList<CustomFieldDefinition> customFields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public DealListViewModel(TenantSession session, BackgroundTasks tasks, java.util.Locale locale) {
        this.locale = locale;
        this.session = session;
        this.deals = Crm.of(session).deals();
        this.tasks = tasks;
        this.pages = new KeysetRows<>(tasks, message::set);
    }

    public ObservableList<DealRow> rows() {
        return pages.rows();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<Pipeline> pipelineProperty() {
        return pipeline;
    }

    public ObjectProperty<PipelineStage> stageProperty() {
        return stage;
    }

    public ObjectProperty<CustomerListViewModel.OwnerChoice> ownerProperty() {
        return owner;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public ObjectProperty<CustomFieldDefinition> customFieldProperty() {
        return customField;
    }

    public StringProperty customFieldValueProperty() {
        return customFieldValue;
    }

    public ObjectProperty<DealQuery.Sort> sortProperty() {
        return sort;
    }

    public ObservableList<Pipeline> pipelines() {
        return pipelines;
    }

    public ObservableList<PipelineStage> stages() {
        return stages;
    }

    public ObservableList<CustomerListViewModel.OwnerChoice> owners() {
        return owners;
    }

    public ObservableList<CustomFieldDefinition> customFields() {
        return customFields;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty morePagesProperty() {
        return pages.morePagesProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** Loads the filter choices: pipelines, people, the deals' custom fields. */
    public void loadChoices() {
        tasks.run(() -> Crm.of(session).pipelines().pipelines(), pipelines::setAll, failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> Administration.of(session).people().list(),
                members -> owners.setAll(CustomerListViewModel.OwnerChoice.activeOf(members)),
                failure -> message.set(failure.getLocalizedMessage()));
        tasks.run(() -> Crm.of(session).customFields().definitions("deal"), customFields::setAll,
                failure -> message.set(failure.getLocalizedMessage()));
    }

    /** A pipeline was chosen: its stages become the stage filter's choices. */
    public void pipelineChosen() {
        stage.set(null);
        Pipeline chosen = pipeline.get();
        if (chosen == null) {
            stages.clear();
        } else {
            tasks.run(() -> Crm.of(session).pipelines().stages(chosen.id()), stages::setAll, failure -> message.set(failure.getLocalizedMessage()));
        }
        refresh();
    }

    public DealQuery query() {
        DealQuery q = DealQuery.all().withSearch(search.get()).withStatus(status.get()).sortedBy(sort.get())
                .inPipeline(pipeline.get() == null ? null : pipeline.get().id(), stage.get() == null ? null : stage.get().id());
        if (owner.get() != null) {
            q = q.withOwner(owner.get().id());
        }
        if (tag.get() != null && !tag.get().isBlank()) {
            q = q.withTag(tag.get().strip());
        }
        if (customField.get() != null && customFieldValue.get() != null && !customFieldValue.get().isBlank()) {
            q = q.withCustomField(customField.get().key(), customFieldValue.get().strip());
        }
        return q;
    }

    public void refresh() {
        DealQuery query = query();
        message.set("");
        pages.showFirstPage(after -> deals.list(query, after, PAGE_SIZE));
    }

    public void loadMore() {
        pages.loadMore();
    }

    public void clearFilters() {
        search.set("");
        status.set("open");
        pipeline.set(null);
        stages.clear();
        stage.set(null);
        owner.set(null);
        tag.set("");
        customField.set(null);
        customFieldValue.set("");
        refresh();
    }

    /** A form for one of the listed deals; the list shows the changes once the form is left. */
    public DealFormViewModel dealForm() {
        return new DealFormViewModel(deals, tasks, locale, saved -> { });
    }

    /** Sets the deal's own probability as the user typed it ("42", "42,5 %"); text that is no number is refused. */
    public void setProbability(DealRow deal, String typed) {
        BigDecimal percent = LocaleNumbers.parsePercent(typed, locale);
        if (percent == null) {
            message.set(Messages.get("pipelines.probability.invalid"));
        } else {
            setProbability(deal, percent);
        }
    }

    /** Lets the deal's probability follow its stage again. */
    public void followStage(DealRow deal) {
        setProbability(deal, (BigDecimal) null);
    }

    /** Sets the deal's own probability, or with null lets it follow its stage again. */
    public void setProbability(DealRow deal, BigDecimal percent) {
        tasks.run(() -> {
            deals.setProbability(deal.id(), deal.version(), percent);
            return null;
        }, done -> {
            refresh(); // clears the message line, so the confirmation comes after it
            message.set(Messages.get(percent == null ? "deals.probability.followsStage" : "deals.probability.set",
                    deal.title()));
        }, failure -> message.set(failure instanceof ValidationException invalid
                ? String.join(" ", invalid.fieldErrors().values()) : failure.getLocalizedMessage()));
    }
}
