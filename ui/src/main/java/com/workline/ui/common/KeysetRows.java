package com.workline.ui.common;

import com.workline.persistence.common.KeysetPage;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rows of a keyset-paged list as a screen shows them: the first page of a query, then the next pages
 * appended as the user scrolls. First pages and further pages share one "newest answer counts" slot of the
 * screen's task scope: a new query drops every answer of the previous one, and no further page is asked for
 * until the new query's first page has arrived (its cursor belongs to the new query).
 */
public final class KeysetRows<R, C> {
    private final BackgroundTasks tasks;
    private final Consumer<String> problems;
    private final Object slot = new Object();
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper morePages = new ReadOnlyBooleanWrapper(false);
    private Function<C, ? extends KeysetPage<R, C>> pages;
    private C next;
    private boolean loading;

    /** @param problems shows a failure's message to the user */
    public KeysetRows(BackgroundTasks tasks, Consumer<String> problems) {
        this.tasks = tasks;
        this.problems = problems;
    }

    public ObservableList<R> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty morePagesProperty() {
        return morePages.getReadOnlyProperty();
    }

    /**
     * Shows the first page of a new query. {@code pageAfter} fetches the page after a cursor (null: the
     * first); it runs in the background and must capture the query as it is now.
     */
    public void showFirstPage(Function<C, ? extends KeysetPage<R, C>> pageAfter) {
        pages = pageAfter;
        showNext(null); // the old query's cursor must never be used with the new query
        loading = true;
        tasks.latest(slot, () -> pageAfter.apply(null), page -> {
            loading = false;
            rows.setAll(page.rows());
            showNext(page.next());
        }, failure -> {
            loading = false;
            problems.accept(failure.getLocalizedMessage());
        });
    }

    /** Appends the next page of the current query, if there is one and nothing is on its way. */
    public void loadMore() {
        if (next == null || loading) {
            return;
        }
        loading = true;
        C after = next;
        Function<C, ? extends KeysetPage<R, C>> current = pages;
        tasks.latest(slot, () -> current.apply(after), page -> {
            loading = false;
            rows.addAll(page.rows());
            showNext(page.next());
        }, failure -> {
            loading = false;
            problems.accept(failure.getLocalizedMessage());
        });
    }

    private void showNext(C cursor) {
        next = cursor;
        morePages.set(cursor != null);
    }
}
