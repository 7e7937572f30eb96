package com.workline.ui.shell;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Back up… and Restore… of the embedded database, offered by the application when it runs on one (a company
 * server is backed up by IT). The shell shows the items, asks, and shows progress; the application does the work.
 */
public interface DatabaseBackups {
    /** Whether the signed-in person may use them (owners); otherwise the items are disabled and say why. */
    boolean allowed();

    /** Asks where to write a backup (FX thread); empty when cancelled. */
    Optional<Path> chooseTarget(Window owner);

    /** Asks which backup to restore (FX thread); empty when cancelled. */
    Optional<Path> chooseSource(Window owner);

    /** Writes a backup (worker thread), telling the files copied so far now and then; returns what to tell the person. */
    String backUp(Path target, java.util.function.LongConsumer filesCopied);

    /** Reads and checks the whole file (worker thread); returns what the confirmation names it by. */
    String check(Path file);

    /** After the person confirmed (FX thread): the application signs out, restores, and asks to sign in again. */
    void restore(Path file);
}
