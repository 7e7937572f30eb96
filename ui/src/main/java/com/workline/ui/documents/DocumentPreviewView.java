package com.workline.ui.documents;

import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The preview of a business document: its pages one below the other, Save as… (a file chooser) and Print… (the
 * operating system's print dialog; each page is printed as an image at print resolution, fitted to the paper).
 */
public final class DocumentPreviewView {
    /** Resolution of printed pages (enough for text and a logo on paper). */
    private static final float PRINT_DPI = 200f;

    private DocumentPreviewView() {
    }

    /** @param printTasks a task scope for making the print images */
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
        print.setId("preview-print");
        print.setOnAction(e -> print(vm, printTasks, print));
        save.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.pages()));
        print.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.pages()));
        Label message = new Label();
        message.setId("preview-message");
        message.textProperty().bind(vm.messageProperty());
        HBox actions = new HBox(10, save, print, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 16, 10, 16));

        BorderPane root = new BorderPane(scroll);
        root.setTop(actions);
        root.setId("document-preview");
        return root;
    }

    private static void print(DocumentPreviewViewModel vm, BackgroundTasks tasks, Node owner) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return; // no printer installed: the button does nothing, as in other applications
        }
        if (!job.showPrintDialog(owner.getScene().getWindow())) {
            job.cancelJob();
            return;
        }
        tasks.run(() -> vm.pagesForPrinting(PRINT_DPI), images -> printPages(job, images), failure -> job.cancelJob());
    }

    private static void printPages(PrinterJob job, List<byte[]> images) {
        PageLayout layout = job.getJobSettings().getPageLayout();
        for (byte[] png : images) {
            ImageView page = new ImageView(new Image(new ByteArrayInputStream(png)));
            page.setPreserveRatio(true);
            page.setFitWidth(layout.getPrintableWidth());
            page.setFitHeight(layout.getPrintableHeight());
            if (!job.printPage(page)) {
                job.cancelJob();
                return;
            }
        }
        job.endJob();
    }
}
