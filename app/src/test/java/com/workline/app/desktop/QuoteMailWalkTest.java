package com.workline.app.desktop;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.workline.persistence.mail.SmtpSettings;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static com.workline.app.desktop.DesktopWalkTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mailing a quote in the demo company: the manager sets up her outgoing mail server in My profile (an in-process SMTP
 * server) and tests it, drafts a quote, presses E-mail… (the draft is sent first and gets its number), sends it from
 * the dialog, and the message arrives with the quote's PDF while the send shows on the quote. The quote has a heading,
 * a product found by typing and a service priced from the rate card; the PDF's text carries them, the number and the
 * total the editor showed; then the quote is accepted.
 */
@ExtendWith(ApplicationExtension.class)
class QuoteMailWalkTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("maria@northwind.example", "maria", "maria-mail"));

    private DesktopController controller;

    @Start
    void start(Stage stage) throws Exception {
        controller = DesktopHarness.start(stage, true, null);
    }

    @AfterEach
    void stop() {
        controller.stop();
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    @Test
    @SuppressWarnings("unchecked")
    void quoteSentOverSmtpFromTheEditor(FxRobot robot) throws Exception {
        waitUntil(() -> visible(robot, "#nav-profile"));
        robot.clickOn("#nav-profile");
        waitUntil(() -> visible(robot, "#smtp-host"));
        // The section is the last of the page: scrolled down, all of it is in the window.
        robot.interact(() -> robot.lookup("#profile").queryAs(ScrollPane.class).setVvalue(1.0));
        robot.clickOn("#smtp-host").write("127.0.0.1");
        ChoiceBox<SmtpSettings.Security> security = robot.lookup("#smtp-security").queryAs(ChoiceBox.class);
        robot.interact(() -> security.setValue(SmtpSettings.Security.NONE));
        robot.interact(() -> robot.lookup("#smtp-port").queryTextInputControl()
                .setText(String.valueOf(GREEN_MAIL.getSmtp().getPort())));
        robot.clickOn("#smtp-username").write("maria");
        assertThat(visible(robot, "#smtp-plain-warning")).as("user name without encryption").isTrue();
        robot.clickOn("#smtp-password").write("maria-mail");
        robot.clickOn("#smtp-from-address").write("maria@northwind.example");
        robot.clickOn("#smtp-from-name").write("Maria Martens");
        robot.clickOn("#smtp-test");
        waitUntil(() -> text(robot, "#smtp-test-result").contains("signed in as maria"));
        robot.clickOn("#smtp-save");
        waitUntil(() -> "Mail settings saved.".equals(text(robot, "#smtp-message")));
        assertThat(robot.lookup("#smtp-password").queryTextInputControl().getText()).isEmpty();

        robot.clickOn("#nav-quotes");
        waitUntil(() -> visible(robot, "#quote-new"));
        robot.clickOn("#quote-new");
        waitUntil(() -> robot.lookup("#quote-customer-list").tryQuery()
                .map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
        robot.clickOn("OK");
        waitUntil(() -> visible(robot, "#quote-editor"));
        waitUntil(() -> robot.lookup("#quote-title").queryTextInputControl().getText().startsWith("Quote for "));
        // Three kinds of lines: a heading, a product found by typing, a service priced by the rate card.
        TableView<?> lines = robot.lookup("#quote-lines").queryAs(TableView.class);
        robot.clickOn("#quote-line-add-text");
        waitUntil(() -> lines.getItems().size() == 1);
        robot.interact(() -> ((com.workline.ui.quoting.QuoteLineRow) lines.getItems().get(0)).descriptionProperty()
                .set("Frames and assembly"));
        robot.clickOn("#quote-product-search").write("Welded");
        waitUntil(() -> robot.lookup(".context-menu .menu-item").tryQuery().isPresent());
        robot.clickOn(".context-menu .menu-item");
        waitUntil(() -> lines.getItems().size() == 2);
        String product = ((com.workline.ui.quoting.QuoteLineRow) lines.getItems().get(1)).descriptionProperty().get();
        assertThat(product).startsWith("Welded");
        ChoiceBox<Object> service = robot.lookup("#quote-service-category").queryAs(ChoiceBox.class);
        waitUntil(() -> !service.getItems().isEmpty());
        robot.interact(() -> service.setValue(service.getItems().get(0)));
        waitUntil(() -> lines.getItems().size() == 3 && !((com.workline.ui.quoting.QuoteLineRow) lines.getItems().get(2))
                .unitPriceProperty().get().isBlank());
        String serviceLine = ((com.workline.ui.quoting.QuoteLineRow) lines.getItems().get(2)).descriptionProperty().get();
        String total = text(robot, "#quote-total");
        assertThat(total).isNotBlank();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> "Draft saved.".equals(text(robot, "#quote-message")));

        // A draft is sent first, after the person agrees; then the dialog opens for the numbered quote.
        waitUntil(() -> !robot.lookup("#quote-email").query().isDisabled());
        robot.clickOn("#quote-email");
        waitUntil(() -> visible(robot, ".dialog-pane .button"));
        robot.clickOn("OK");
        waitUntil(() -> visible(robot, "#quote-email-dialog"));
        waitUntil(() -> !robot.lookup("#quote-email-subject").queryTextInputControl().getText().isBlank());
        String subject = robot.lookup("#quote-email-subject").queryTextInputControl().getText();
        String attachment = text(robot, "#quote-email-attachment");
        assertThat(subject).startsWith("Quote ").doesNotContain("{number}");
        assertThat(attachment).endsWith(".pdf").doesNotStartWith("Draft");
        robot.interact(() -> robot.lookup("#quote-email-to").queryTextInputControl().setText("einkauf@kunde.example"));
        waitUntil(() -> !robot.lookup("#quote-email-send").query().isDisabled());
        robot.clickOn("#quote-email-send");
        waitUntil(() -> text(robot, "#quote-email-message").startsWith("Sent to einkauf@kunde.example"));

        assertThat(GREEN_MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(subject);
        assertThat(received.getFrom()[0].toString()).contains("maria@northwind.example");
        var pdf = ((Multipart) received.getContent()).getBodyPart(1);
        assertThat(pdf.getFileName()).isEqualTo(attachment);
        byte[] pdfBytes;
        try (InputStream in = pdf.getInputStream()) {
            pdfBytes = in.readAllBytes();
        }
        assertThat(new String(pdfBytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String number = attachment.substring(0, attachment.length() - ".pdf".length());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdfBytes)) {
            String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(printed).contains(number).contains("Frames and assembly").contains(product).contains(serviceLine);
            // The total as the editor showed it (the PDF writes it in the organization's locale, en-US in the demo).
            assertThat(printed).contains(total);
        }

        robot.clickOn("Close");
        ListView<?> sends = robot.lookup("#quote-sends").queryAs(ListView.class);
        waitUntil(() -> sends.getItems().size() == 1);
        assertThat(text(robot, "#quote-sends .list-cell")).contains("Maria Martens").contains("einkauf@kunde.example")
                .contains("via SMTP");

        // The customer said yes.
        waitUntil(() -> !robot.lookup("#quote-accept").query().isDisabled());
        robot.clickOn("#quote-accept");
        waitUntil(() -> robot.lookup(".title-3").queryAll().stream().anyMatch(n -> n instanceof Labeled l
                && l.getText().contains(number) && l.getText().contains("Accepted")));
        assertThat(robot.lookup("#quote-accept").query().isDisabled()).isTrue();
    }
}
