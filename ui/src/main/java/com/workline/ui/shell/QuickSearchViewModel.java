package com.workline.ui.shell;

import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.RecordKind;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.SearchHit;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The Ctrl+K search: one term, the best matches of every searchable record kind of every area (customers and
 * deals today; each new area registers its own), and opening the chosen one through the navigator. Only the
 * newest term's answer is shown.
 */
public final class QuickSearchViewModel {
    /** Matches shown per kind of record. */
    public static final int PER_KIND = 6;

    private final ScreenContext context;
    private final BackgroundTasks tasks;
    private final List<RecordKind> kinds;
    private final StringProperty term = new SimpleStringProperty("");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public QuickSearchViewModel(ScreenContext context, BackgroundTasks tasks) {
        this.context = context;
        this.tasks = tasks;
        this.kinds = context.navigator().workbench().searchableKinds().stream()
                .filter(k -> context.navigator().isVisible(k.sectionId())).toList();
    }

    public StringProperty termProperty() {
        return term;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Searches every kind for the current term (at least two characters). */
    public void search() {
        String text = term.get() == null ? "" : term.get().strip();
        if (text.length() < 2) {
            tasks.supersede(this);
            hits.clear();
            message.set("");
            return;
        }
        tasks.latest(this, () -> {
            List<SearchHit> found = new ArrayList<>();
            for (RecordKind kind : kinds) {
                found.addAll(kind.search().find(context, text, PER_KIND));
            }
            return found;
        }, found -> {
            hits.setAll(found);
            message.set(found.isEmpty() ? com.workline.ui.common.Messages.get("search.none", text) : "");
        }, failure -> message.set(failure.getLocalizedMessage()));
    }

    /** Opens the chosen record where its area shows it. */
    public void open(SearchHit hit) {
        if (hit != null) {
            context.navigator().open(hit.record());
        }
    }
}
