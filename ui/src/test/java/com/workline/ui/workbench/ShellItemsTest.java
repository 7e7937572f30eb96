package com.workline.ui.workbench;

import com.workline.persistence.session.Role;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The top-bar items areas contribute: merged in registration order, filtered by role, ids unique. */
class ShellItemsTest {
    private static Area withItems(ShellItem... items) {
        return new Area() {
            @Override
            public List<Section> sections() {
                return List.of();
            }

            @Override
            public List<ShellItem> shellItems() {
                return List.of(items);
            }
        };
    }

    private static ShellItem item(String id, java.util.function.Predicate<Permissions> visibleTo) {
        return new ShellItem(id, visibleTo, c -> Screen.of(new Pane()));
    }

    @Test
    void itemsAreMergedInRegistrationOrderAndShownToWhomTheyAreFor() {
        Workbench workbench = new Workbench(List.of(withItems(item("timer", Permissions::mayEdit)),
                withItems(item("inbox", p -> true), item("approvals", Permissions::mayManage))));
        assertThat(workbench.shellItemsFor(new Permissions(Role.EMPLOYEE))).extracting(ShellItem::id)
                .containsExactly("timer", "inbox");
        assertThat(workbench.shellItemsFor(new Permissions(Role.MANAGER))).extracting(ShellItem::id)
                .containsExactly("timer", "inbox", "approvals");
        assertThat(workbench.shellItemsFor(new Permissions(Role.VIEWER))).extracting(ShellItem::id).containsExactly("inbox");
        assertThat(new Workbench(List.of(withItems())).shellItemsFor(new Permissions(Role.OWNER))).isEmpty();
    }

    @Test
    void twoItemsWithOneIdAreRefused() {
        assertThatThrownBy(() -> new Workbench(List.of(withItems(item("timer", p -> true)), withItems(item("timer", p -> true)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("timer");
    }
}
