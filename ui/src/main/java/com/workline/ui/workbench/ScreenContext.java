package com.workline.ui.workbench;

import com.workline.persistence.session.TenantSession;
import com.workline.ui.common.UserPreferences;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.task.TaskRunner;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What every screen of one signed-in session gets: the session (fixed to one organization), the person's
 * permissions there, the navigator, the locale, preferences and clock, the folder of this computer's keys, and fresh
 * task scopes.
 */
public final class ScreenContext {
    private final TenantSession session;
    private final TaskRunner runner;
    private final Navigator navigator;
    private final Locale locale;
    private final UserPreferences preferences;
    private final Clock clock;
    private final Permissions permissions;
    private final Path secretsFolder;
    private final Map<Class<?>, Object> shared = new HashMap<>();

    /** Without a folder for keys: screens that keep secrets (the profile's mail settings) cannot be opened. */
    public ScreenContext(TenantSession session, TaskRunner runner, Navigator navigator, Locale locale,
                         UserPreferences preferences, Clock clock) {
        this(session, runner, navigator, locale, preferences, clock, null);
    }

    /** @param secretsFolder where this computer keeps the person's keys (the one that seals the saved SMTP password) */
    public ScreenContext(TenantSession session, TaskRunner runner, Navigator navigator, Locale locale,
                         UserPreferences preferences, Clock clock, Path secretsFolder) {
        this.secretsFolder = secretsFolder;
        this.session = session;
        this.runner = runner;
        this.navigator = navigator;
        this.locale = locale;
        this.preferences = preferences;
        this.clock = clock;
        this.permissions = new Permissions(session.role());
    }

    public TenantSession session() {
        return session;
    }

    public Permissions permissions() {
        return permissions;
    }

    public Navigator navigator() {
        return navigator;
    }

    public Locale locale() {
        return locale;
    }

    public UserPreferences preferences() {
        return preferences;
    }

    public Clock clock() {
        return clock;
    }

    /** Where this computer keeps the person's keys (common.SecretBox). */
    public Path secretsFolder() {
        if (secretsFolder == null) {
            throw new IllegalStateException("This screen context has no folder for keys");
        }
        return secretsFolder;
    }

    /** A new task scope; hand it to the screen with {@link Screen#owning} so that it is closed with the screen. */
    public BackgroundTasks newTasks() {
        return runner.newScope();
    }

    /**
     * The one object of {@code type} for this session, made by {@code make} on first use: how an area's screens share
     * state with each other and with its {@link ShellItem} (the running timer, shown in the top bar and in My time). It
     * lives as long as this context (the session); use it on the FX thread.
     */
    public <T> T shared(Class<T> type, Function<ScreenContext, T> make) {
        Object existing = shared.get(type);
        if (existing == null) {
            existing = make.apply(this);
            shared.put(type, existing);
        }
        return type.cast(existing);
    }
}
