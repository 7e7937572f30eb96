package com.workline.app.desktop;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.admin.OrganizationSettings;
import com.workline.persistence.crm.Crm;
import com.workline.persistence.crm.CustomerDetails;
import com.workline.persistence.crm.CustomerStatus;
import com.workline.persistence.crm.CustomerType;
import com.workline.persistence.quoting.QuoteRow;
import com.workline.persistence.quoting.QuoteStatus;
import com.workline.persistence.quoting.Quoting;
import com.workline.persistence.session.TenantSession;
import javafx.print.Printer;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administration › Organization in a new company: the owner sets the documents' accent colour, footer and the quote
 * acceptance limit and saves with Ctrl+S; the sample preview opens (Ctrl+P there says when there is no printer); the
 * next quote's PDF carries the footer and the colour.
 */
@ExtendWith(ApplicationExtension.class)
class DocumentBrandingWalkTest {
    private static final String FOOTER = "Walk Works GmbH - IBAN DE02 1000 2000 3000 4000 50";
    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, false, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private static void focus(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).query().requestFocus());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse("");
    }

    @Test
    void brandingSavedInTheSettingsIsUsedByTheNextQuotePdf(FxRobot robot) throws Exception {
        // First run: the person creating the company is its owner, who may change the organization settings.
        waitUntil(() -> robot.lookup("#create-company").tryQuery().isPresent());
        robot.clickOn("#company-name").write("Walk Works");
        robot.doubleClickOn("#company-country").write("DE");
        robot.doubleClickOn("#company-currency").write("EUR");
        robot.clickOn("#owner-first-name").write("Olga");
        robot.clickOn("#owner-last-name").write("Owner");
        robot.clickOn("#owner-email").write("olga@brand-walk.example");
        robot.clickOn("#owner-password").write("olgas-password");
        robot.clickOn("#owner-password-repeat").write("olgas-password");
        robot.clickOn("#create-company");
        waitUntil(() -> robot.lookup("#nav-organization").tryQuery().isPresent());
        TenantSession session = controller.person().choose(controller.person().organizations().get(0).id());
        Crm.of(session).customers().create(CustomerDetails.newCustomer("Brand Walk Customer", CustomerType.COMPANY,
                CustomerStatus.ACTIVE));
        robot.clickOn("#nav-organization");
        waitUntil(() -> robot.lookup("#settings-save").tryQuery().map(n -> !n.isDisabled()).orElse(false));

        ColorPicker colour = robot.lookup("#documentAccentColour").queryAs(ColorPicker.class);
        robot.interact(() -> colour.setValue(Color.web("#8a1c1c")));
        focus(robot, "#documentFooter"); // below the fold of the settings page: typed into with the keyboard
        shortcut(robot, KeyCode.A);
        robot.write(FOOTER);
        focus(robot, "#quoteAcceptanceLimit");
        shortcut(robot, KeyCode.A);
        robot.write("7500");
        shortcut(robot, KeyCode.S);
        waitUntil(() -> text(robot, "#settings-message").equals("Settings saved."));

        // The sample with these settings in the document preview; Ctrl+P there.
        robot.interact(() -> robot.lookup("#settings-preview-sample").queryButton().fire());
        waitUntil(() -> text(robot, "#preview-message").matches("\\d+ pages?"));
        if (Printer.getDefaultPrinter() == null) {
            robot.clickOn("#preview-pages");
            shortcut(robot, KeyCode.P);
            waitUntil(() -> text(robot, "#preview-message").startsWith("No printer is installed."));
        }
        robot.interact(() -> ((Stage) robot.lookup("#document-preview").query().getScene().getWindow()).close());

        OrganizationSettings saved = Administration.of(session).organizationSettings().load();
        assertThat(saved.documentAccentColour()).isEqualTo("#8a1c1c");
        assertThat(saved.documentFooter()).isEqualTo(FOOTER);
        assertThat(saved.quoteAcceptanceLimit()).isEqualByComparingTo("7500");

        // The next quote, made in the client, prints with them.
        robot.clickOn("#nav-quotes");
        waitUntil(() -> robot.lookup("#quote-new").tryQuery().isPresent());
        robot.clickOn("#quote-new");
        waitUntil(() -> robot.lookup("#quote-customer-list").tryQuery()
                .map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#quote-editor").tryQuery().isPresent());
        robot.clickOn("#quote-line-add-text");
        waitUntil(() -> robot.lookup("#quote-lines").queryAs(TableView.class).getItems().size() == 1);
        shortcut(robot, KeyCode.S);
        waitUntil(() -> text(robot, "#quote-message").equals("Draft saved."));
        QuoteRow newest = Quoting.of(session).quotes().list(QuoteStatus.DRAFT, null, null, 1).rows().get(0);

        byte[] pdf = Quoting.of(session).printing().pdf(newest.id(), "Draft");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(FOOTER);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 36);
            int accent = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    accent += (page.getRGB(x, y) & 0xFFFFFF) == 0x8a1c1c ? 1 : 0;
                }
            }
            assertThat(accent).as("the accent colour is drawn").isGreaterThan(100);
        }
    }
}
