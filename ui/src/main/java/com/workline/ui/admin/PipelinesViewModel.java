package com.workline.ui.admin;

import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.crm.Pipeline;
import com.workline.persistence.crm.PipelineService;
import com.workline.persistence.crm.PipelineStage;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Administration › Pipelines: choose a pipeline, edit its stages (name, probability, won/lost) in place,
 * reorder, add and remove them, and save the whole list at once. Nothing is written until Save; a failed
 * save keeps every edit on screen with the problems next to the rows.
 */
public final class PipelinesViewModel {
    /** One editable stage row. */
    public static final class StageRow {
        private final UUID id;
        private final int version;
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty probability = new SimpleStringProperty("");
        private final BooleanProperty won = new SimpleBooleanProperty();
        private final BooleanProperty lost = new SimpleBooleanProperty();

        StageRow(UUID id, int version, String name, String probability, boolean won, boolean lost) {
            this.id = id;
            this.version = version;
            this.name.set(name);
            this.probability.set(probability);
            this.won.set(won);
            this.lost.set(lost);
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty probabilityProperty() {
            return probability;
        }

        public BooleanProperty wonProperty() {
            return won;
        }

        public BooleanProperty lostProperty() {
            return lost;
        }
    }

    private final PipelineService service;
    private final BackgroundTasks tasks;
    private final Locale locale;
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> pipeline = new SimpleObjectProperty<>();
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public PipelinesViewModel(PipelineService service, BackgroundTasks tasks, Locale locale) {
        this.service = service;
        this.tasks = tasks;
        this.locale = locale;
    }

    public ObservableList<Pipeline> pipelines() {
        return pipelines;
    }

    public ObjectProperty<Pipeline> pipelineProperty() {
        return pipeline;
    }

    public ObservableList<StageRow> stages() {
        return stages;
    }

    /** Errors by field: {@code stage.<row>.name|probability|won}, {@code stages}, {@code name} (pipeline name). */
    public FieldErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void load() {
        load(pipeline.get() == null ? null : pipeline.get().id());
    }

    private void load(UUID select) {
        tasks.run(service::pipelines, list -> {
            pipelines.setAll(list);
            pipeline.set(list.stream().filter(p -> p.id().equals(select)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0)));
            loadStages();
        }, this::failed);
    }

    /** Shows the stages of the chosen pipeline (unsaved edits of another pipeline are dropped). */
    public void loadStages() {
        Pipeline chosen = pipeline.get();
        errors.clear();
        if (chosen == null) {
            stages.clear();
            return;
        }
        tasks.run(() -> service.stages(chosen.id()), list -> stages.setAll(list.stream()
                .map(s -> new StageRow(s.id(), s.version(), s.name(), LocaleNumbers.formatPercent(s.probability(), locale, 2), s.won(), s.lost()))
                .toList()), this::failed);
    }

    public void addStage() {
        // New stages go before the closing (won/lost) ones, where open stages belong.
        int at = stages.size();
        while (at > 0 && (stages.get(at - 1).won.get() || stages.get(at - 1).lost.get())) {
            at--;
        }
        stages.add(at, new StageRow(null, 0, "", "50", false, false));
    }

    public void remove(StageRow row) {
        stages.remove(row);
        errors.clear();
    }

    public void move(StageRow row, int delta) {
        int from = stages.indexOf(row);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= stages.size()) {
            return;
        }
        stages.remove(from);
        stages.add(to, row);
        errors.clear();
    }

    /** Saves the stage list in its current order. */
    public void save() {
        Pipeline chosen = pipeline.get();
        if (chosen == null) {
            return;
        }
        errors.clear();
        List<PipelineStage> edited = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageRow row = stages.get(i);
            BigDecimal probability = LocaleNumbers.parsePercent(row.probability.get(), locale);
            if (probability == null) {
                errors.set("stage." + i + ".probability", Messages.get("pipelines.probability.invalid"));
            }
            edited.add(new PipelineStage(row.id, row.name.get(), probability == null ? BigDecimal.ZERO : probability,
                    row.won.get(), row.lost.get(), row.version));
        }
        if (errors.any()) {
            return;
        }
        tasks.run(() -> {
            service.saveStages(chosen.id(), edited);
            return null;
        }, done -> {
            message.set(Messages.get("pipelines.saved", chosen.name()));
            loadStages();
        }, this::failed);
    }

    public void createPipeline(String name) {
        errors.clear();
        tasks.run(() -> service.createPipeline(name), this::load, this::failed);
    }

    public void renamePipeline(String name) {
        Pipeline chosen = pipeline.get();
        if (chosen != null) {
            tasks.run(() -> {
                service.rename(chosen.id(), chosen.version(), name);
                return null;
            }, done -> load(chosen.id()), this::failed);
        }
    }

    public void makeDefault() {
        Pipeline chosen = pipeline.get();
        if (chosen != null) {
            tasks.run(() -> {
                service.makeDefault(chosen.id());
                return null;
            }, done -> {
                message.set(Messages.get("pipelines.defaultNow", chosen.name()));
                load(chosen.id());
            }, this::failed);
        }
    }

    private void failed(WorklineException failure) {
        if (failure instanceof ValidationException invalid) {
            errors.showOnly(invalid.fieldErrors());
            message.set("");
        } else {
            message.set(failure.getLocalizedMessage());
        }
    }

}
