package com.workline.ui.crm;

import com.workline.persistence.common.ValidationException;
import com.workline.persistence.crm.BoardColumn;
import com.workline.persistence.crm.DealCard;
import com.workline.persistence.crm.DealService;
import com.workline.persistence.crm.Pipeline;
import com.workline.persistence.crm.PipelineService;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.UUID;
import java.util.function.Function;

/** The kanban board of the default pipeline: columns with cards and totals; dropping a card moves the deal. */
public final class PipelineBoardViewModel {
    public static final int CARDS_PER_COLUMN = 50;

    private final DealService deals;
    private final PipelineService pipelineService;
    private final ObservableList<Pipeline> pipelines = FXCollections.observableArrayList();
    private final ObjectProperty<Pipeline> chosen =
            new SimpleObjectProperty<>();
    private final BackgroundTasks tasks;
    private final ObservableList<BoardColumn> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final javafx.collections.ObservableMap<UUID, String> facts = FXCollections.observableHashMap();
    private Function<java.util.Collection<UUID>, java.util.Map<UUID, String>> factSource;
    private UUID pipeline;
    private volatile String currency = "EUR";

    public PipelineBoardViewModel(DealService deals, PipelineService pipelineService,
                                  BackgroundTasks tasks) {
        this.deals = deals;
        this.pipelineService = pipelineService;
        this.tasks = tasks;
    }

    /**
     * Adds a line from other areas to the cards (the quote value of each deal), fetched for the cards on the board in
     * the background after each load; called off the FX thread.
     */
    public PipelineBoardViewModel withFacts(Function<java.util.Collection<UUID>, java.util.Map<UUID, String>> source) {
        this.factSource = source;
        return this;
    }

    /** The extra line of each card that has one, by deal id. */
    public javafx.collections.ObservableMap<UUID, String> facts() {
        return facts;
    }

    private void show(java.util.List<BoardColumn> board) {
        columns.setAll(board);
        if (factSource == null) {
            return;
        }
        java.util.List<UUID> ids = board.stream().flatMap(c -> c.deals().stream()).map(DealCard::id).toList();
        tasks.latest("facts", () -> factSource.apply(ids), found -> {
            facts.clear();
            facts.putAll(found);
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** The pipelines to choose from (the default first); the board shows the chosen one. */
    public ObservableList<Pipeline> pipelines() {
        return pipelines;
    }

    public ObjectProperty<Pipeline> pipelineProperty() {
        return chosen;
    }

    /** Shows another pipeline's board. */
    public void choose(Pipeline pipeline) {
        if (pipeline != null && !pipeline.id().equals(this.pipeline)) {
            this.pipeline = pipeline.id();
            load();
        }
    }

    public ObservableList<BoardColumn> columns() {
        return columns;
    }

    /** The currency the column totals are shown in (known once the board has loaded). */
    public String currency() {
        return currency;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    public void load() {
        tasks.run(() -> {
            if (pipeline == null) {
                pipeline = deals.defaultPipeline();
                currency = deals.baseCurrency();
            }
            return deals.board(pipeline, CARDS_PER_COLUMN);
        }, this::show, failure -> message.set(failure.getLocalizedMessage()));
        if (pipelines.isEmpty()) {
            tasks.run(pipelineService::pipelines, list -> {
                pipelines.setAll(list);
                chosen.set(list.stream().filter(p -> pipeline == null ? p.isDefault() : p.id().equals(pipeline))
                        .findFirst().orElse(null));
            }, failure -> message.set(failure.getLocalizedMessage()));
        }
    }

    /** A form for a deal on the board; the board shows the changes once the form is left. */
    public DealFormViewModel dealForm(java.util.Locale locale) {
        return new DealFormViewModel(deals, tasks, locale, saved -> { });
    }

    /**
     * Moves a card to a column. A lost column needs a reason: {@code askLostReason} is asked for it (null =
     * the user cancelled). The board reloads either way, so a refused move snaps back.
     */
    public void move(DealCard card, BoardColumn to, Function<DealCard, String> askLostReason) {
        String reason = null;
        if (to.lost()) {
            reason = askLostReason.apply(card);
            if (reason == null) {
                return;
            }
        }
        String lostReason = reason;
        tasks.run(() -> {
            deals.moveToStage(card.id(), card.version(), to.stageId(), lostReason);
            return deals.board(pipeline, CARDS_PER_COLUMN);
        }, board -> {
            show(board);
            message.set(Messages.get("pipeline.moved", card.title(), to.name()));
        }, failure -> {
            message.set(failure instanceof ValidationException invalid
                    ? String.join(" ", invalid.fieldErrors().values()) : failure.getLocalizedMessage());
            load();
        });
    }
}
