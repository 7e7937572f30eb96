package com.workline.ui.about;

import com.workline.ui.common.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Help › About: versions, the database, the data folder and the log file, with "Copy diagnostics", which puts
 * all of that and the last lines of the log file on the clipboard as plain text for a support request.
 */
public final class AboutView {
    /** How many lines of the log file "Copy diagnostics" adds. */
    public static final int LOG_LINES = 200;
    /** Read at most this much from the end of the log file for them. */
    private static final int LOG_TAIL_BYTES = 256 * 1024;

    private AboutView() {
    }

    /** Shows the dialog (modal to {@code owner}, not blocking the caller) and returns it. */
    public static Dialog<ButtonType> show(Window owner, AboutInfo info) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(Messages.get("about.title"));
        dialog.setHeaderText(Messages.get("about.header", info.appVersion()));
        dialog.getDialogPane().setId("about-dialog");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> line : rows(info).entrySet()) {
            Label name = new Label(Messages.get(line.getKey()));
            name.getStyleClass().add("text-muted");
            Label value = new Label(line.getValue());
            value.setId(line.getKey().replace('.', '-'));
            value.setWrapText(true);
            value.setMaxWidth(520);
            grid.addRow(row++, name, value);
        }

        Label copied = new Label();
        copied.setId("about-copied");
        Button copy = new Button(Messages.get("about.copy"));
        copy.setId("about-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(diagnostics(info));
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(Messages.get("about.copied"));
        });
        HBox actions = new HBox(12, copy, copied);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        dialog.getDialogPane().setContent(new VBox(16, grid, actions));
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("about.close"), ButtonType.CLOSE.getButtonData()));
        dialog.show();
        return dialog;
    }

    /** The lines of the dialog: message key of the label, value; in the order shown. */
    public static Map<String, String> rows(AboutInfo info) {
        Map<String, String> rows = new LinkedHashMap<>();
        String unknown = Messages.get("about.unknown");
        rows.put("about.version", info.appVersion());
        rows.put("about.java", info.javaVersion() + " (" + info.javaVendor() + ")");
        rows.put("about.javafx", info.javafxVersion() == null ? unknown : info.javafxVersion());
        rows.put("about.os", info.os());
        rows.put("about.database", info.embedded() ? Messages.get("about.database.embedded")
                : Messages.get("about.database.server", info.server() == null ? unknown : info.server()));
        rows.put("about.postgres", info.postgresVersion() == null ? unknown : info.postgresVersion());
        rows.put("about.schema", Integer.toString(info.schemaVersion()));
        rows.put("about.dataFolder", info.dataFolder().toString());
        rows.put("about.logFile", info.logFile() == null ? Messages.get("about.logFile.none") : info.logFile().toString());
        return rows;
    }

    /** The plain text "Copy diagnostics" puts on the clipboard: every line of the dialog, then the log's last lines. */
    public static String diagnostics(AboutInfo info) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append(Messages.get("about.diagnostics", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())).append(nl);
        rows(info).forEach((key, value) -> text.append(Messages.get(key)).append(": ").append(value).append(nl));
        if (info.logFile() != null) {
            text.append(nl).append(Messages.get("about.log", LOG_LINES, info.logFile().toString())).append(nl);
            try {
                for (String line : lastLines(info.logFile(), LOG_LINES)) {
                    text.append(line).append(nl);
                }
            } catch (IOException | RuntimeException e) {
                text.append(Messages.get("about.log.unreadable", String.valueOf(e.getMessage()))).append(nl);
            }
        }
        return text.toString();
    }

    /** The last {@code count} lines of a (possibly large) UTF-8 text file. */
    static List<String> lastLines(Path file, int count) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes;
        boolean cut;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, LOG_TAIL_BYTES);
            cut = length > size;
            bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1)));
        if (cut && !lines.isEmpty()) {
            lines.remove(0); // most likely only part of a line
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
