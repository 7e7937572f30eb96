package com.workline.ui.documents;

import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.ScreenContext;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.function.Supplier;

/** A document's preview in a window of its own (Save as…, Print… there); its task scopes close with the window. */
public final class DocumentPreviewWindow {
    private DocumentPreviewWindow() {
    }

    /** @param renderer makes the PDF (runs in the background) */
    public static Stage show(ScreenContext ctx, String title, Supplier<byte[]> renderer, String suggestedFileName) {
        BackgroundTasks tasks = ctx.newTasks();
        BackgroundTasks printTasks = ctx.newTasks();
        DocumentPreviewViewModel vm = new DocumentPreviewViewModel(tasks, renderer, suggestedFileName);
        Stage stage = new Stage();
        stage.setTitle(title);
        stage.setScene(new Scene(new BorderPane(DocumentPreviewView.create(vm, printTasks)), 900, 1000));
        stage.setOnHidden(e -> {
            tasks.close();
            printTasks.close();
        });
        stage.show();
        vm.load();
        return stage;
    }
}
