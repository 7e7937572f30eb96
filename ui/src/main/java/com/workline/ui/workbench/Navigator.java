package com.workline.ui.workbench;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the person is and how they move: open any record by kind and id (a deal's customer, later a quote's
 * customer, an invoice's quote), go back and forward (Alt+Left/Alt+Right, the mouse's back/forward buttons),
 * and return to the last place of each section when its sidebar entry is chosen again.
 */
public final class Navigator {
    private static final int HISTORY_LIMIT = 50;

    private final Workbench workbench;
    private final List<Section> visible;
    private final ReadOnlyObjectWrapper<Place> current = new ReadOnlyObjectWrapper<>();
    private final Deque<Place> backStack = new ArrayDeque<>();
    private final Deque<Place> forwardStack = new ArrayDeque<>();
    private final Map<String, Place> lastPlace = new HashMap<>();
    private final Map<Place, Screen> adopted = new HashMap<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(false);

    public Navigator(Workbench workbench, Permissions permissions) {
        this.workbench = workbench;
        this.visible = workbench.sectionsFor(permissions);
        if (visible.isEmpty()) {
            throw new IllegalStateException("No section is visible to " + permissions);
        }
        current.set(Place.section(visible.get(0).id()));
        lastPlace.put(visible.get(0).id(), current.get());
    }

    public ReadOnlyObjectProperty<Place> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Place current() {
        return current.get();
    }

    /** The sections this person sees, in sidebar order. */
    public List<Section> sections() {
        return visible;
    }

    public Workbench workbench() {
        return workbench;
    }

    /**
     * Chooses a section in the sidebar: its last place (e.g. the customer that was open there), or its start
     * screen when the person is already in that section.
     */
    public void showSection(String sectionId) {
        requireVisible(sectionId);
        Place here = current.get();
        if (here.sectionId().equals(sectionId)) {
            go(Place.section(sectionId));
        } else {
            go(lastPlace.getOrDefault(sectionId, Place.section(sectionId)));
        }
    }

    /** Shows the section's start screen (e.g. the list a record was opened from). */
    public void showStart(String sectionId) {
        requireVisible(sectionId);
        go(Place.section(sectionId));
    }

    /** Opens a record in the section its kind belongs to. */
    public void open(RecordRef record) {
        RecordKind kind = workbench.kind(record.kind())
                .orElseThrow(() -> new IllegalArgumentException("No area opens records of kind " + record.kind()));
        requireVisible(kind.sectionId());
        go(new Place(kind.sectionId(), record));
    }

    /**
     * The current place becomes {@code record}, shown by a screen that already exists: a new customer's form that
     * has just been saved for the first time stays on screen (with its message) as that customer's record, and
     * back/forward reach it as such; the "new" place it replaces is gone from the history.
     */
    public void replaceWith(RecordRef record, Screen existing) {
        RecordKind kind = workbench.kind(record.kind())
                .orElseThrow(() -> new IllegalArgumentException("No area opens records of kind " + record.kind()));
        Place place = new Place(kind.sectionId(), record);
        adopted.put(place, existing);
        arrive(place);
    }

    /** The screen made elsewhere for {@code place}, if any (taken once, by the shell). */
    public Screen takeAdopted(Place place) {
        return adopted.remove(place);
    }

    public boolean isVisible(String sectionId) {
        return visible.stream().anyMatch(s -> s.id().equals(sectionId));
    }

    public void back() {
        if (!backStack.isEmpty()) {
            forwardStack.push(current.get());
            arrive(backStack.pop());
        }
    }

    public void forward() {
        if (!forwardStack.isEmpty()) {
            backStack.push(current.get());
            arrive(forwardStack.pop());
        }
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    private void go(Place place) {
        if (place.equals(current.get())) {
            return;
        }
        backStack.push(current.get());
        while (backStack.size() > HISTORY_LIMIT) {
            backStack.removeLast();
        }
        forwardStack.clear();
        arrive(place);
    }

    private void arrive(Place place) {
        lastPlace.put(place.sectionId(), place);
        current.set(place);
        canGoBack.set(!backStack.isEmpty());
        canGoForward.set(!forwardStack.isEmpty());
    }

    private void requireVisible(String sectionId) {
        if (!isVisible(sectionId)) {
            throw new IllegalArgumentException("Section " + sectionId + " is not available to this person");
        }
    }
}
