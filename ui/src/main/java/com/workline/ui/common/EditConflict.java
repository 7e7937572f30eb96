package com.workline.ui.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.function.Consumer;

/**
 * A save refused because someone else saved the record first: their version, kept beside what the person typed
 * until they decide. The forms of every area use it the same way: "save mine over theirs" makes their version the
 * base of the edit and saves again; "take theirs" shows their version and drops the typing.
 *
 * @param <D> the record's details as the service returns them
 */
public final class EditConflict<D> {
    private final ReadOnlyObjectWrapper<D> theirs = new ReadOnlyObjectWrapper<>();

    /** Their version while a conflict is open, else null (the view shows both side by side). */
    public ReadOnlyObjectProperty<D> property() {
        return theirs.getReadOnlyProperty();
    }

    public void found(D current) {
        theirs.set(current);
    }

    public void clear() {
        theirs.set(null);
    }

    /** Keep my values: their version becomes the base of my edit ({@code rebase}), then {@code save}. */
    public void keepMine(Consumer<D> rebase, Runnable save) {
        D current = theirs.get();
        if (current != null) {
            rebase.accept(current);
            theirs.set(null);
            save.run();
        }
    }

    /** Take their version: {@code show} it (which drops my typing). */
    public void takeTheirs(Consumer<D> show) {
        D current = theirs.get();
        if (current != null) {
            show.accept(current);
        }
    }
}
