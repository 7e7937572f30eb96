package com.workline.app.desktop;

import com.workline.persistence.catalog.ProductRow;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog › Products as a person uses it in the demo company: a new product saved with Ctrl+S, found again by
 * typing in the search field, opened with Enter, changed and saved with Ctrl+S.
 */
@ExtendWith(ApplicationExtension.class)
class CatalogWalkTest {
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, true, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static void save(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    }

    @Test
    void newProductSearchOpenAndSaveWithCtrlS(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#nav-products").tryQuery().isPresent());
        robot.clickOn("#nav-products");
        waitUntil(() -> robot.lookup("#product-new").tryQuery().isPresent());

        robot.clickOn("#product-new");
        waitUntil(() -> robot.lookup("#product-code").tryQuery().isPresent());
        robot.clickOn("#product-code").write("WALK-1");
        robot.clickOn("#product-name").write("Walking boots");
        robot.clickOn("#product-sale-price").write("89.90");
        save(robot);
        waitUntil(() -> robot.lookup("#product-message").queryAs(Labeled.class).getText().equals("Product WALK-1 created."));

        robot.clickOn("#product-back");
        waitUntil(() -> robot.lookup("#product-search").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#product-table").queryAs(TableView.class);
        robot.clickOn("#product-search").write("walking");
        waitUntil(() -> table.getItems().size() == 1 && ((ProductRow) table.getItems().get(0)).code().equals("WALK-1"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER); // selects the first hit
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER); // opens it
        waitUntil(() -> robot.lookup("#product-name").tryQuery()
                .map(n -> ((TextField) n).getText().equals("Walking boots")).orElse(false));

        robot.clickOn("#product-name").press(KeyCode.END).release(KeyCode.END).write(" (leather)");
        save(robot);
        waitUntil(() -> robot.lookup("#product-message").queryAs(Labeled.class).getText().equals("Product WALK-1 saved."));
        assertThat(robot.lookup("#product-form").tryQuery()).isPresent();

        // The catalog's administration opens for managers and above.
        robot.clickOn("#nav-tax_rates_units");
        waitUntil(() -> robot.lookup("#tax-rate-table").tryQuery().isPresent());
        robot.clickOn("#nav-rate_cards");
        waitUntil(() -> robot.lookup("#rate-card-list").tryQuery().isPresent());
        robot.clickOn("#nav-products");
        waitUntil(() -> robot.lookup("#product-form").tryQuery().isPresent()); // the section's last place
    }
}
