package com.workline.app.desktop;

import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;

/**
 * CRM › Quotes in the demo company: New quote picks a customer, the editor opens, a text line is added and the draft
 * saved with Ctrl+S; back in the list the draft tab shows it.
 */
@ExtendWith(ApplicationExtension.class)
class QuoteWalkTest {
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
    void newQuoteForACustomerSavedWithCtrlS(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-quotes").tryQuery().isPresent());
        robot.clickOn("#nav-quotes");
        waitUntil(() -> robot.lookup("#quote-new").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#quote-table").queryAs(TableView.class);
        int draftsBefore = table.getItems().size();

        robot.clickOn("#quote-new");
        waitUntil(() -> robot.lookup("#quote-customer-list").tryQuery()
                .map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#quote-editor").tryQuery().isPresent());
        waitUntil(() -> robot.lookup("#quote-title").queryTextInputControl().getText().startsWith("Quote for "));

        robot.clickOn("#quote-line-add-text");
        TableView<?> lines = robot.lookup("#quote-lines").queryAs(TableView.class);
        waitUntil(() -> lines.getItems().size() == 1);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#quote-message").queryAs(Labeled.class).getText().equals("Draft saved."));

        robot.clickOn("#nav-quotes");
        waitUntil(() -> robot.lookup("#quote-table").queryAs(TableView.class).getItems().size() == draftsBefore + 1);
    }
}
