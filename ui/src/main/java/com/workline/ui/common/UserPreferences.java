package com.workline.ui.common;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Remembered UI choices: the theme per person, the window's size and position, the last email. */
public interface UserPreferences {
    Optional<String> get(String key);

    void put(String key, String value);

    default Theme theme(String login) {
        return get("theme." + login).map(Theme::valueOf).orElse(Theme.LIGHT);
    }

    default void theme(String login, Theme theme) {
        put("theme." + login, theme.name());
    }

    /** java.util.prefs under the node {@code com/workline/desktop} (the registry on Windows, plist on macOS). */
    static UserPreferences system() {
        Preferences node = Preferences.userRoot().node("com/workline/desktop");
        return new UserPreferences() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(node.get(key, null));
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // preferences are a convenience; failing to store them must not disturb the user
                }
            }
        };
    }

    static UserPreferences inMemory() {
        java.util.Map<String, String> map = new java.util.concurrent.ConcurrentHashMap<>();
        return new UserPreferences() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }
        };
    }
}
