package com.workline.app.desktop;

import com.workline.persistence.crm.CustomerRow;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;


import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM as a person uses it, in the demo company: create a customer, add a contact, find the customer by
 * search, log a call, import a CSV with a bad row and read the report, and move a deal to the next stage.
 */
@ExtendWith(ApplicationExtension.class)
class CrmWalkTest {
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, true, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    @Test
    void customerContactSearchActivityAndPipeline(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-customers").tryQuery().isPresent());
        robot.clickOn("#nav-customers");
        TableView<?> table = robot.lookup("#customer-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 100);
        assertThat(robot.lookup("#customer-count").queryAs(Labeled.class).getText()).isEqualTo("300 customers");

        robot.clickOn("#customer-new");
        waitUntil(() -> robot.lookup("#customer-name").tryQuery().isPresent());
        robot.clickOn("#customer-name").write("Walkabout Widgets");
        robot.clickOn("#customer-email").write("hello@walkabout.test");
        robot.clickOn("#customer-save");
        waitUntil(() -> robot.lookup("#customer-message").queryAs(Labeled.class).getText().contains("created"));

        robot.clickOn("#contact-first-name").write("Wanda");
        robot.clickOn("#contact-last-name").write("Walker");
        robot.clickOn("#contact-email").write("wanda@walkabout.test");
        robot.clickOn("#contact-add");
        ListView<?> timeline = robot.lookup("#customer-timeline").queryAs(ListView.class);
        robot.clickOn("#activity-subject").write("Called Wanda about widgets");
        robot.clickOn("#activity-log-call");
        waitUntil(() -> timeline.getItems().size() == 1);

        robot.clickOn("#nav-home");
        robot.clickOn("#nav-customers");
        waitUntil(() -> robot.lookup("#customer-record").tryQuery().isPresent()); // the section's last place
        robot.clickOn("#nav-customers"); // chosen again: the list
        waitUntil(() -> robot.lookup("#customer-table").tryQuery().isPresent());
        TableView<?> list = robot.lookup("#customer-table").queryAs(TableView.class);
        robot.clickOn("#customer-search").write("wanda walk");
        waitUntil(() -> list.getItems().size() == 1
                && ((CustomerRow) list.getItems().get(0)).name().equals("Walkabout Widgets"));

        // Import a small CSV with one bad row: the report says which and why, and nothing is imported.
        Path csv = Files.createTempFile("customers", ".csv");
        Files.writeString(csv, "Company,Email,Status\nImported One,one@imported.test,active\n"
                + "Imported Two,not-an-email,lead\nImported Three,three@imported.test,prospect\n");
        robot.clickOn("#customer-import");
        waitUntil(() -> robot.lookup("#import-file").tryQuery().isPresent());
        robot.clickOn("#import-file").write(csv.toString());
        robot.clickOn("#import-open");
        waitUntil(() -> robot.lookup("#map-2").tryQuery().isPresent());
        robot.clickOn("#import-check");
        TableView<?> report = robot.lookup("#import-report").queryAs(TableView.class);
        waitUntil(() -> report.getItems().size() == 3);
        assertThat(robot.lookup("#import-message").queryAs(Labeled.class).getText()).startsWith("1 of 3 rows have problems");
        assertThat(robot.lookup("#import-commit").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();

        robot.clickOn("#nav-pipeline");
        waitUntil(() -> robot.lookup("#stage-lead").tryQuery().isPresent());
        VBox lead = robot.lookup("#stage-lead").queryAs(VBox.class);
        Node firstCard = ((VBox) lead.getChildren().get(2)).getChildren().get(0);
        String title = ((Labeled) ((VBox) firstCard).getChildren().get(0)).getText();
        robot.clickOn(firstCard, MouseButton.SECONDARY);
        robot.clickOn("Move to");
        robot.clickOn("Qualified");
        waitUntil(() -> robot.lookup("#pipeline-message").queryAs(Labeled.class).getText()
                .equals(title + " moved to Qualified."));

        // The same deal in the list next to the board, found by its title.
        robot.clickOn("#deals-show-list");
        waitUntil(() -> robot.lookup("#deal-search").tryQuery().isPresent());
        robot.clickOn("#deal-search").write(title);
        TableView<?> deals = robot.lookup("#deal-table").queryAs(TableView.class);
        waitUntil(() -> deals.getItems().size() == 1
                && ((com.workline.persistence.crm.DealRow) deals.getItems().get(0)).stageName().equals("Qualified"));

        // Enter on the selected deal opens its form in place of the list; Ctrl+S saves, Esc goes back to the list.
        robot.interact(() -> {
            deals.requestFocus();
            deals.getSelectionModel().select(0);
        });
        waitUntil(() -> deals.getSelectionModel().getSelectedIndex() == 0 && deals.isFocused());
        robot.press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#deal-title").tryQuery().isPresent()
                && robot.lookup("#deal-title").queryAs(javafx.scene.control.TextField.class).getText().equals(title));
        javafx.scene.control.TextField dealTitle = robot.lookup("#deal-title").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(dealTitle).press(javafx.scene.input.KeyCode.END).release(javafx.scene.input.KeyCode.END).write(" (walked)");
        robot.clickOn("#deal-tags").write("walk");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#deal-message").queryAs(Labeled.class).getText()
                .equals("Deal " + title + " (walked) saved."));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#deal-form").tryQuery().isEmpty() && robot.lookup("#deal-table").tryQuery().isPresent());
        TableView<?> back = robot.lookup("#deal-table").queryAs(TableView.class);
        waitUntil(() -> back.getItems().stream().anyMatch(r -> ((com.workline.persistence.crm.DealRow) r).title()
                .equals(title + " (walked)") && ((com.workline.persistence.crm.DealRow) r).tags().contains("walk")));

        // The board opens the same form: Enter on a focused card; the validation message sits next to its field.
        robot.clickOn("#deals-show-board");
        waitUntil(() -> robot.lookup("#stage-lead").tryQuery().isPresent());
        Node card = ((VBox) robot.lookup("#stage-lead").queryAs(VBox.class).getChildren().get(2)).getChildren().get(0);
        robot.clickOn(card).press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#deal-value").tryQuery().isPresent()
                && !robot.lookup("#deal-value").queryAs(javafx.scene.control.TextField.class).getText().isEmpty());
        robot.clickOn("#deal-value").press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL).write("lots");
        robot.clickOn("#deal-save");
        waitUntil(() -> robot.lookup(".field-error").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().equals("Enter a number.")));
        robot.clickOn("#deal-back");
        // Unsaved changes: asked first.
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#pipeline-board").tryQuery().isPresent() && robot.lookup("#deal-form").tryQuery().isEmpty());

        // Home shows My day: the demo manager has tasks; one marked done leaves the list.
        robot.clickOn("#nav-home");
        waitUntil(() -> robot.lookup("#my-day-upcoming").tryQuery().isPresent());
        waitUntil(() -> !robot.lookup("#my-day").queryAs(VBox.class).lookupAll(".button").isEmpty());
    }
}
