package com.workline.app.desktop;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotes from the CRM's side, without the CRM naming quoting: "New quote" on a deal fills customer and deal; the
 * pipeline card then shows the quote; the customer record's Quotes tab lists it and opens it.
 */
@ExtendWith(ApplicationExtension.class)
class DealQuoteWalkTest {
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, true, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static boolean isDeal(Object hit) {
        return ((com.workline.ui.workbench.SearchHit) hit).record().kind().equals("deal");
    }

    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().isPresent();
    }

    @Test
    void newQuoteFromADealShowsOnTheCardAndTheCustomer(FxRobot robot) throws Exception {
        waitUntil(() -> present(robot, "#home"));
        robot.clickOn("#home");
        robot.press(KeyCode.CONTROL).press(KeyCode.K).release(KeyCode.K).release(KeyCode.CONTROL);
        waitUntil(() -> Window.getWindows().size() == 2);
        Stage search = (Stage) Window.getWindows().stream().filter(w -> w != robot.lookup("#home").query().getScene().getWindow())
                .findFirst().orElseThrow();
        robot.targetWindow(search);
        waitUntil(() -> search.getScene().lookup("#quick-search-field").isFocused());
        robot.write("order");
        ListView<?> results = (ListView<?>) search.getScene().lookup("#quick-search-results");
        waitUntil(() -> results.getItems().stream().anyMatch(DealQuoteWalkTest::isDeal));
        // The first deal among the hits.
        int dealHit = 0;
        while (!isDeal(results.getItems().get(dealHit))) {
            dealHit++;
        }
        for (int i = 0; i < dealHit; i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present(robot, "#deal-form") && present(robot, "#deal-new-quote")
                && !robot.lookup("#deal-new-quote").query().isDisabled());
        String dealTitle = robot.lookup("#deal-title").queryTextInputControl().getText();

        robot.clickOn("#deal-new-quote");
        waitUntil(() -> present(robot, "#quote-editor"));
        waitUntil(() -> robot.lookup("#quote-title").queryTextInputControl().getText().equals(dealTitle));
        String customer = robot.lookup("#quote-customer").queryAs(Labeled.class).getText();
        assertThat(customer).isNotBlank();

        // The pipeline card of the deal names the new draft (the section first returns to the deal, then to its board).
        robot.clickOn("#nav-pipeline");
        waitUntil(() -> present(robot, "#deal-form"));
        robot.clickOn("#nav-pipeline");
        waitUntil(() -> present(robot, "#pipeline-board"));
        // (The demo may already have quotes on the deal: then the fact names the one that speaks for it and "+n more".)
        waitUntil(() -> robot.lookup(n -> n.getId() != null && n.getId().startsWith("deal-fact-") && n.isVisible()
                && n.getParent() instanceof javafx.scene.layout.VBox card && card.getChildren().get(0) instanceof Labeled title
                && title.getText().equals(dealTitle) && ((Labeled) n).getText().startsWith("Quote ")).tryQuery().isPresent());

        // The customer's record lists the quote on its Quotes tab; Enter opens it.
        robot.clickOn("#nav-customers");
        waitUntil(() -> present(robot, "#customer-table"));
        robot.clickOn("#customer-search").write(customer);
        TableView<?> customers = robot.lookup("#customer-table").queryAs(TableView.class);
        waitUntil(() -> customers.getItems().size() >= 1 && customers.getItems().get(0).toString().contains(customer));
        robot.interact(() -> {
            customers.requestFocus();
            customers.getSelectionModel().selectFirst();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present(robot, "#customer-tabs"));
        TabPane tabs = robot.lookup("#customer-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<?> customerQuotes = robot.lookup("#customer-quotes").queryAs(TableView.class);
        waitUntil(() -> customerQuotes.getItems().stream().anyMatch(q -> q.toString().contains(dealTitle)));
        robot.interact(() -> {
            customerQuotes.requestFocus();
            for (int i = 0; i < customerQuotes.getItems().size(); i++) {
                if (customerQuotes.getItems().get(i).toString().contains(dealTitle)) {
                    customerQuotes.getSelectionModel().select(i);
                    break;
                }
            }
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> present(robot, "#quote-editor")
                && robot.lookup("#quote-title").queryTextInputControl().getText().equals(dealTitle));
        Node editor = robot.lookup("#quote-editor").query();
        assertThat(editor.isVisible()).isTrue();
    }
}
