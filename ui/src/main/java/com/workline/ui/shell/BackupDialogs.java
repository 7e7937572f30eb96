package com.workline.ui.shell;

import com.workline.ui.common.Messages;
import com.workline.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** The shell's Back up… and Restore…: choose a file, then progress and the result in a small dialog. */
final class BackupDialogs {
    private BackupDialogs() {
    }

    static void backUp(Window owner, DatabaseBackups backups, BackgroundTasks tasks) {
        backups.chooseTarget(owner).ifPresent(target -> {
            Progress progress = Progress.show(owner, Messages.get("backup.title"),
                    Messages.get("backup.running", target.toAbsolutePath()));
            String running = Messages.get("backup.running", target.toAbsolutePath());
            tasks.run(() -> backups.backUp(target, files -> Platform.runLater(() -> progress.update(
                    running + "\n" + Messages.get("backup.files.copied", files)))), progress::succeeded, failure -> progress.failed(failure.getLocalizedMessage()));
        });
    }

    static void restore(Window owner, DatabaseBackups backups, BackgroundTasks tasks) {
        backups.chooseSource(owner).ifPresent(file -> {
            Progress progress = Progress.show(owner, Messages.get("restore.title"),
                    Messages.get("restore.checking", file.toAbsolutePath()));
            tasks.run(() -> backups.check(file), description -> {
                progress.dialog.close();
                ButtonType restore = new ButtonType(Messages.get("restore.button"), ButtonBar.ButtonData.OK_DONE);
                Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("restore.confirm", description),
                        restore, ButtonType.CANCEL);
                confirm.setTitle(Messages.get("restore.title"));
                confirm.setHeaderText(Messages.get("restore.header"));
                confirm.getDialogPane().setId("restore-confirm");
                confirm.initOwner(owner);
                confirm.showAndWait().filter(b -> b == restore).ifPresent(b -> backups.restore(file));
            }, failure -> progress.failed(failure.getLocalizedMessage()));
        });
    }

    /** A dialog that shows work going on, then its result; it can be closed once the work is done. */
    private static final class Progress {
        private final Dialog<Void> dialog = new Dialog<>();
        private final ProgressIndicator indicator = new ProgressIndicator();
        private final Label text = new Label();

        static Progress show(Window owner, String title, String running) {
            Progress p = new Progress();
            p.dialog.initOwner(owner);
            p.dialog.setTitle(title);
            p.dialog.setHeaderText(null);
            p.indicator.setPrefSize(28, 28);
            p.text.setId("backup-status");
            p.text.setWrapText(true);
            p.text.setMaxWidth(460);
            p.text.setText(running);
            HBox content = new HBox(14, p.indicator, p.text);
            content.setAlignment(Pos.CENTER_LEFT);
            content.setPadding(new Insets(10));
            p.dialog.getDialogPane().setContent(content);
            p.dialog.getDialogPane().setId("backup-dialog");
            p.dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
            p.dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setDisable(true);
            p.dialog.show();
            return p;
        }

        void update(String message) {
            if (indicator.isVisible()) {
                text.setText(message);
            }
        }

        void succeeded(String result) {
            finish(result, "success");
        }

        void failed(String message) {
            finish(message, "danger");
        }

        private void finish(String message, String style) {
            indicator.setVisible(false);
            indicator.setManaged(false);
            text.setText(message);
            text.getStyleClass().add(style);
            dialog.getDialogPane().lookupButton(ButtonType.CLOSE).setDisable(false);
        }
    }
}
