package com.workline.app.desktop;

import com.workline.persistence.money.LineKind;
import com.workline.persistence.projects.ProjectTask;
import com.workline.ui.quoting.QuoteLineRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project from a quote, without quoting naming projects: a sent quote of the demo is accepted, "Create project" on
 * it opens the new project, whose budget lines are the quote's service categories; two tasks are added by keyboard
 * (the second below the first) and the subtask is moved to Done on the board.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectWalkTest {
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, true, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    private static boolean enabled(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.isVisible() && !n.isDisabled()).isPresent();
    }

    @Test
    void acceptedQuoteBecomesAProjectWithItsBudgetThenTasksAndTheBoard(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#nav-quotes"));
        robot.clickOn("#nav-quotes");
        waitUntil(() -> present(robot, "#quote-tabs"));
        TabPane tabs = robot.lookup("#quote-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "quote-tab-sent".equals(t.getId())).findFirst().orElseThrow()));
        TableView<?> quotes = robot.lookup("#quote-table").queryAs(TableView.class);
        waitUntil(() -> !quotes.getItems().isEmpty() && quotes.getItems().get(0).toString().contains("SENT"));
        robot.interact(() -> {
            quotes.requestFocus();
            quotes.getSelectionModel().selectFirst();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present(robot, "#quote-editor") && enabled(robot, "#quote-accept"));
        // The command of the projects area is there but applies only to accepted quotes.
        assertThat(robot.lookup("#quote-create-project").queryAs(Button.class).isDisabled()).isTrue();
        TableView<?> lines = robot.lookup("#quote-lines").queryAs(TableView.class);
        Set<String> services = lines.getItems().stream().map(l -> (QuoteLineRow) l)
                .filter(l -> l.kindProperty().get() == LineKind.SERVICE && !l.optionalProperty().get())
                .map(l -> l.descriptionProperty().get()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(services).isNotEmpty();

        robot.clickOn("#quote-accept");
        waitUntil(() -> enabled(robot, "#quote-create-project"));
        assertThat(robot.lookup("#quote-create-project").queryAs(Button.class).getText()).isEqualTo("Create project");
        robot.clickOn("#quote-create-project");

        // The new project: its budget lines are the quote's service categories.
        waitUntil(() -> present(robot, "#project-record"));
        TableView<?> budget = robot.lookup("#project-budget-lines").queryAs(TableView.class);
        waitUntil(() -> budget.getItems().size() == services.size());
        Set<String> categories = budget.getItems().stream()
                .map(l -> ((com.workline.ui.projects.ProjectRecordViewModel.BudgetLineRow) l).category())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(categories).isEqualTo(services);
        assertThat(robot.lookup("#project-budget-hours").queryAs(TextInputControl.class).getText()).isNotBlank();
        assertThat(robot.lookup("#project-quote-link").queryAs(javafx.scene.control.Hyperlink.class).getText())
                .startsWith("From quote ");

        // Two tasks by keyboard: Insert adds one (named at once), Shift+Insert one below it.
        @SuppressWarnings("unchecked")
        TreeTableView<ProjectTask> tree = robot.lookup("#task-tree").queryAs(TreeTableView.class);
        waitUntil(() -> !tree.isDisabled() && tree.isEditable());
        robot.interact(tree::requestFocus);
        robot.type(KeyCode.INSERT);
        waitUntil(() -> tree.getEditingCell() != null);
        robot.write("Design").type(KeyCode.ENTER);
        waitUntil(() -> outline(tree).equals(List.of("Design")));
        robot.interact(tree::requestFocus);
        robot.press(KeyCode.SHIFT).type(KeyCode.INSERT).release(KeyCode.SHIFT);
        waitUntil(() -> tree.getEditingCell() != null);
        robot.write("Mockups").type(KeyCode.ENTER);
        waitUntil(() -> outline(tree).equals(List.of("Design", "-Mockups")));

        // The board: the subtask's card moves two columns to the right, to Done.
        TabPane parts = robot.lookup("#project-tabs").queryAs(TabPane.class);
        robot.interact(() -> parts.getSelectionModel().select(1));
        waitUntil(() -> present(robot, "#task-board") && cardNames(robot, "#task-column-open").contains("Mockups"));
        ProjectTask mockups = tree.getRoot().getChildren().get(0).getChildren().get(0).getValue();
        // (The card may lie below the window's edge: the keyboard needs only the focus.)
        robot.interact(() -> robot.lookup("#task-card-" + mockups.id()).query().requestFocus());
        waitUntil(() -> robot.lookup("#task-card-" + mockups.id()).query().isFocused());
        robot.press(KeyCode.CONTROL).type(KeyCode.RIGHT).release(KeyCode.CONTROL);
        waitUntil(() -> cardNames(robot, "#task-column-in-progress").contains("Mockups"));
        robot.press(KeyCode.CONTROL).type(KeyCode.RIGHT).release(KeyCode.CONTROL);
        waitUntil(() -> cardNames(robot, "#task-column-done").contains("Mockups"));
        assertThat(cardNames(robot, "#task-column-open")).containsExactly("Design");
    }

    /** The tree as names, a dash per level. */
    private static List<String> outline(TreeTableView<ProjectTask> tree) {
        List<String> names = new ArrayList<>();
        walk(tree.getRoot(), 0, names);
        return names;
    }

    private static void walk(TreeItem<ProjectTask> item, int depth, List<String> names) {
        for (TreeItem<ProjectTask> child : item.getChildren()) {
            names.add("-".repeat(depth) + child.getValue().name());
            walk(child, depth + 1, names);
        }
    }

    /** The task names on the cards of a board column. */
    private static List<String> cardNames(FxRobot robot, String column) {
        return robot.lookup(column).tryQuery().map(c -> robot.from(c).lookup(".task-card").queryAll().stream()
                .map(card -> ((javafx.scene.control.Label) ((Pane) card).getChildren().get(0)).getText()).toList())
                .orElse(List.of());
    }
}
