package com.workline.ui.workbench;

import com.workline.ui.task.BackgroundTasks;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A screen's content and everything it hooks into the window, attached only while it is shown: its keyboard
 * shortcuts, its timers and its listeners on longer-lived objects. The shell calls {@link #shown(Scene)} when the
 * screen appears and {@link #hidden(Scene)} when it is left, so Ctrl+S of a form that is not on screen does
 * nothing; {@link #dispose()} closes the screen's task scopes when it will never be shown again.
 */
public final class Screen {
    private final Node root;
    private final Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
    private final List<Runnable> onShown = new ArrayList<>();
    private final List<Runnable> onHidden = new ArrayList<>();
    private final List<Runnable> onShownAgain = new ArrayList<>();
    private final List<Timeline> timers = new ArrayList<>();
    private final List<BackgroundTasks> scopes = new ArrayList<>();
    private final List<Runnable> onDispose = new ArrayList<>();
    private boolean showing;
    private boolean shownBefore;
    private boolean disposed;

    private Screen(Node root) {
        this.root = root;
    }

    public static Screen of(Node root) {
        return new Screen(root);
    }

    public Node root() {
        return root;
    }

    /** A keyboard shortcut that works while this screen is shown (and only then). */
    public Screen shortcut(KeyCombination keys, Runnable action) {
        shortcuts.put(keys, action);
        return this;
    }

    /** Runs {@code attach} each time the screen is shown and {@code detach} each time it is left. */
    public Screen whileShown(Runnable attach, Runnable detach) {
        onShown.add(attach);
        onHidden.add(detach);
        return this;
    }

    /** Runs {@code refresh} when the screen is shown again after having been left (e.g. reload a list). */
    public Screen whenShownAgain(Runnable refresh) {
        onShownAgain.add(refresh);
        return this;
    }

    /** Runs {@code action} every {@code period} while the screen is shown. */
    public Screen every(Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(period, e -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timers.add(timeline);
        return this;
    }

    /** Task scopes of this screen's view models: closed (no more callbacks) when the screen is disposed. */
    public Screen owning(BackgroundTasks... tasks) {
        scopes.addAll(List.of(tasks));
        return this;
    }

    /**
     * A part of this screen made by another area (a tab on a record): shown again, left and disposed with it. The
     * part's own shortcuts are not attached, so a contributed tab cannot take the record's keys.
     */
    public Screen including(Screen part) {
        Scene[] scene = new Scene[1];
        onShown.add(() -> {
            scene[0] = root.getScene();
            if (scene[0] != null) {
                part.showing = false;
                part.onShown.forEach(Runnable::run);
                part.timers.forEach(Timeline::play);
                if (part.shownBefore) {
                    part.onShownAgain.forEach(Runnable::run);
                }
                part.shownBefore = true;
                part.showing = true;
            }
        });
        onHidden.add(() -> {
            if (part.showing) {
                part.showing = false;
                part.timers.forEach(Timeline::stop);
                part.onHidden.forEach(Runnable::run);
            }
        });
        onDispose.add(part::dispose);
        return this;
    }

    /** The shortcuts this screen attaches while shown. */
    public Map<KeyCombination, Runnable> shortcuts() {
        return java.util.Collections.unmodifiableMap(shortcuts);
    }

    /** Runs {@code release} when the screen is disposed (e.g. a listener on an object that outlives it). */
    public Screen onDispose(Runnable release) {
        onDispose.add(release);
        return this;
    }

    public boolean isShowing() {
        return showing;
    }

    public boolean isDisposed() {
        return disposed;
    }

    /** The shell shows this screen in {@code scene}. */
    public void shown(Scene scene) {
        if (showing || disposed) {
            return;
        }
        showing = true;
        scene.getAccelerators().putAll(shortcuts);
        onShown.forEach(Runnable::run);
        timers.forEach(Timeline::play);
        if (shownBefore) {
            onShownAgain.forEach(Runnable::run);
        }
        shownBefore = true;
    }

    /** The shell leaves this screen: its shortcuts, timers and listeners come off. */
    public void hidden(Scene scene) {
        if (!showing) {
            return;
        }
        showing = false;
        shortcuts.forEach((keys, action) -> scene.getAccelerators().remove(keys, action));
        timers.forEach(Timeline::stop);
        onHidden.forEach(Runnable::run);
    }

    /** The screen will not be shown again: its task scopes are closed. */
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        scopes.forEach(BackgroundTasks::close);
        onDispose.forEach(Runnable::run);
    }
}
