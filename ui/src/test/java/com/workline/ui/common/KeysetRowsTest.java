package com.workline.ui.common;

import com.workline.persistence.common.KeysetPage;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.task.ManualExecutor;
import com.workline.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetRowsTest {
    private record Page(List<String> rows, Integer next) implements KeysetPage<String, Integer> {
    }

    /** Pages of {@code query}: rows "query-n", three per page, two pages. */
    private static Function<Integer, Page> pagesOf(String query, List<String> asked) {
        return after -> {
            asked.add(query + "@" + after);
            int start = after == null ? 0 : after;
            List<String> rows = new ArrayList<>();
            for (int i = start; i < start + 3; i++) {
                rows.add(query + "-" + i);
            }
            return new Page(rows, start == 0 ? 3 : null);
        };
    }

    private final ManualExecutor worker = new ManualExecutor();
    private final ManualExecutor ui = new ManualExecutor();
    private final BackgroundTasks tasks = new TaskRunner(worker, ui).newScope();
    private final List<String> asked = new ArrayList<>();
    private final KeysetRows<String, Integer> rows = new KeysetRows<>(tasks, problem -> { });

    private void settle() {
        ManualExecutor.settle(worker, ui);
    }

    @Test
    void scrollingWhileANewSearchIsOnItsWayNeverMixesTheOldCursorWithTheNewQuery() {
        rows.showFirstPage(pagesOf("acme", asked));
        settle();
        assertThat(rows.morePagesProperty().get()).isTrue();

        rows.showFirstPage(pagesOf("bolt", asked)); // typed a new term; its first page is not there yet
        rows.loadMore(); // the table still shows acme's rows and asks for more
        settle();
        assertThat(asked).containsExactly("acme@null", "bolt@null");
        assertThat(rows.rows()).containsExactly("bolt-0", "bolt-1", "bolt-2");
    }

    @Test
    void aNextPageOfThePreviousQueryArrivingAfterANewSearchIsDropped() {
        rows.showFirstPage(pagesOf("acme", asked));
        settle();
        rows.loadMore();
        worker.runAll(); // acme's second page is fetched, its answer waits for the UI thread
        rows.showFirstPage(pagesOf("bolt", asked));
        settle();
        assertThat(rows.rows()).containsExactly("bolt-0", "bolt-1", "bolt-2");
        rows.loadMore();
        settle();
        assertThat(rows.rows()).containsExactly("bolt-0", "bolt-1", "bolt-2", "bolt-3", "bolt-4", "bolt-5");
        assertThat(rows.morePagesProperty().get()).isFalse();
    }
}
