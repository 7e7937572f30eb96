package com.workline.app.desktop;

import com.workline.app.embedded.EmbeddedDatabase;
import com.workline.persistence.db.embedded.ClusterBackup;
import com.workline.persistence.session.Role;
import com.workline.ui.common.Messages;
import com.workline.ui.shell.DatabaseBackups;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Back up… and Restore… for owners on the embedded database. Only owners: the items replace every organization's
 * data on this computer (the operating-system account that holds the data folder is the real boundary; this keeps
 * employees who share a desktop from doing it by mistake).
 */
final class EmbeddedBackups implements DatabaseBackups {
    /** Asks for a file: to save ({@code true}) or to open; replaced by tests, which cannot drive native dialogs. */
    interface FileChoice {
        Optional<Path> choose(Window owner, boolean save, Path folder, String suggestedName);
    }

    static final FileChoice NATIVE = (owner, save, folder, suggestedName) -> {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("backup.files"), "*" + ClusterBackup.EXTENSION));
        if (Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File file;
        if (save) {
            chooser.setInitialFileName(suggestedName);
            file = chooser.showSaveDialog(owner);
        } else {
            file = chooser.showOpenDialog(owner);
        }
        return Optional.ofNullable(file).map(File::toPath);
    };

    private final EmbeddedDatabase database;
    private final Role role;
    private final Path dataFolder;
    private final FileChoice files;
    private final Locale locale;
    private final Consumer<Path> restore;

    EmbeddedBackups(EmbeddedDatabase database, Role role, Path dataFolder, FileChoice files, Locale locale,
                    Consumer<Path> restore) {
        this.database = database;
        this.role = role;
        this.dataFolder = dataFolder;
        this.files = files;
        this.locale = locale;
        this.restore = restore;
    }

    @Override
    public boolean allowed() {
        return role == Role.OWNER;
    }

    @Override
    public Optional<Path> chooseTarget(Window owner) {
        Path folder = EmbeddedDatabase.backupsFolder(dataFolder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            folder = dataFolder;
        }
        return files.choose(owner, true, folder, "workline-" + LocalDate.now() + ClusterBackup.EXTENSION)
                .map(p -> p.getFileName().toString().endsWith(ClusterBackup.EXTENSION) ? p
                        : p.resolveSibling(p.getFileName() + ClusterBackup.EXTENSION));
    }

    @Override
    public Optional<Path> chooseSource(Window owner) {
        return files.choose(owner, false, EmbeddedDatabase.backupsFolder(dataFolder), null);
    }

    @Override
    public String backUp(Path target, java.util.function.LongConsumer filesCopied) {
        ClusterBackup.Manifest manifest = database.backUp(target, filesCopied::accept);
        long bytes;
        try {
            bytes = Files.size(target);
        } catch (IOException e) {
            bytes = 0;
        }
        return Messages.get("backup.done", target.toAbsolutePath(), String.format(locale, "%.1f", bytes / 1e6),
                manifest.schemaVersion());
    }

    @Override
    public String check(Path file) {
        return describe(ClusterBackup.verify(file), locale);
    }

    /** A backup is named by when it was made. */
    static String describe(ClusterBackup.Manifest manifest, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .format(manifest.createdAt().atZone(ZoneId.systemDefault()));
    }

    @Override
    public void restore(Path file) {
        restore.accept(file);
    }
}
