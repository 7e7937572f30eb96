package com.workline.ui.documents;

import com.workline.persistence.documents.PrintPages;
import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrintResolution;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.ByteArrayInputStream;

/**
 * The preview of a business document: its pages one below the other, Save as… (a file chooser) and Print… (Ctrl+P:
 * the operating system's print dialog; each page is rendered at the printer's resolution in the background and
 * fitted to the paper's printable area).
 */
public final class DocumentPreviewView {
    static final KeyCombination PRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private DocumentPreviewView() {
    }

    /** @param printTasks a task scope for preparing and sending the pages to the printer */
    public static Node create(DocumentPreviewViewModel vm, BackgroundTasks printTasks) {
        VBox pages = new VBox(16);
        pages.setAlignment(Pos.TOP_CENTER);
        pages.setPadding(new Insets(16));
        pages.setId("preview-pages");
        Runnable show = () -> pages.getChildren().setAll(vm.pages().stream().map(png -> {
            ImageView page = new ImageView(new Image(new ByteArrayInputStream(png)));
            page.setPreserveRatio(true);
            page.getStyleClass().add("preview-page");
            return (Node) page;
        }).toList());
        vm.pages().addListener((ListChangeListener<byte[]>) c -> show.run());
        show.run();
        ScrollPane scroll = new ScrollPane(pages);
        scroll.setFitToWidth(true);

        Button save = new Button(Messages.get("preview.save"));
        save.setId("preview-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(vm.suggestedFileName());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            var file = chooser.showSaveDialog(save.getScene().getWindow());
            if (file != null) {
                vm.saveTo(file.toPath());
            }
        });
        Button print = new Button(Messages.get("preview.print"));
        print.setId("document-print");
        print.setOnAction(e -> print(vm, printTasks, print));
        save.disableProperty().bind(Bindings.isEmpty(vm.pages()));
        print.disableProperty().bind(Bindings.isEmpty(vm.pages()).or(printTasks.busyProperty()));
        Label message = new Label();
        message.setId("preview-message");
        message.textProperty().bind(vm.messageProperty());
        HBox actions = new HBox(10, save, print, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 16, 10, 16));

        BorderPane root = new BorderPane(scroll);
        root.setTop(actions);
        root.setId("document-preview");
        // Ctrl+P in the window that shows the preview (fire() does nothing while the button is disabled).
        root.sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(PRINT);
            }
            if (scene != null) {
                scene.getAccelerators().put(PRINT, print::fire);
            }
        });
        return root;
    }

    /**
     * The print dialog (FX thread), then every page rendered at the printer's resolution (capped, see
     * {@link PrintPages#resolutionFor}) and printed from the background, one page in memory at a time.
     */
    private static void print(DocumentPreviewViewModel vm, BackgroundTasks tasks, Node owner) {
        byte[] pdf = vm.pdf();
        if (pdf == null) {
            vm.notReady();
            return;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            vm.noPrinter();
            return;
        }
        Scene scene = owner.getScene();
        if (!job.showPrintDialog(scene == null ? null : scene.getWindow())) {
            job.cancelJob();
            return;
        }
        PageLayout layout = job.getJobSettings().getPageLayout();
        PrintResolution resolution = job.getJobSettings().getPrintResolution();
        float dpi = PrintPages.resolutionFor(resolution == null ? 0
                : Math.min(resolution.getFeedResolution(), resolution.getCrossFeedResolution()));
        vm.printing();
        tasks.run(() -> printPages(job, layout, pdf, dpi), vm::printed, failure -> {
            job.cancelJob();
            vm.printFailed(failure.getLocalizedMessage());
        });
    }

    /** Runs in the background: JavaFX prints nodes that are in no scene from any thread. */
    private static int printPages(PrinterJob job, PageLayout layout, byte[] pdf, float dpi) {
        try (PrintPages pages = PrintPages.open(pdf)) {
            for (int i = 0; i < pages.count(); i++) {
                PrintPages.Page page = pages.render(i, dpi, layout.getPrintableWidth(), layout.getPrintableHeight());
                WritableImage image = new WritableImage(page.pixelWidth(), page.pixelHeight());
                image.getPixelWriter().setPixels(0, 0, page.pixelWidth(), page.pixelHeight(),
                        PixelFormat.getIntArgbInstance(), page.argb(), 0, page.pixelWidth());
                ImageView view = new ImageView(image);
                view.setSmooth(true);
                view.setFitWidth(page.width());
                view.setFitHeight(page.height());
                if (!job.printPage(layout, view)) {
                    throw new IllegalStateException(String.valueOf(job.getJobStatus()));
                }
            }
            if (!job.endJob()) {
                throw new IllegalStateException(String.valueOf(job.getJobStatus()));
            }
            return pages.count();
        }
    }
}
