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
 * appended as the user scrolls. Only the newest query's answers are shown, so fast typing or changing
 * filters never shows stale rows.
 */
public final class KeysetRows<R, C> {
    private final BackgroundTasks tasks;
    private final Consumer<String> problems;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper morePages = new ReadOnlyBooleanWrapper(false);
    private Function<C, ? extends KeysetPage<R, C>> pages;
    private C next;
    private long generation;
    private boolean loadingMore;

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
        long mine = ++generation;
        pages = pageAfter;
        tasks.run(() -> pageAfter.apply(null), page -> {
            if (mine == generation) {
                rows.setAll(page.rows());
                showNext(page.next());
            }
        }, failure -> problems.accept(failure.getMessage()));
    }

    /** Appends the next page of the current query, if there is one and none is on its way. */
    public void loadMore() {
        if (next == null || loadingMore) {
            return;
        }
        loadingMore = true;
        long mine = generation;
        C after = next;
        Function<C, ? extends KeysetPage<R, C>> current = pages;
        tasks.run(() -> current.apply(after), page -> {
            loadingMore = false;
            if (mine == generation) {
                rows.addAll(page.rows());
                showNext(page.next());
            }
        }, failure -> {
            loadingMore = false;
            problems.accept(failure.getMessage());
        });
    }

    private void showNext(C cursor) {
        next = cursor;
        morePages.set(cursor != null);
    }
}
