package com.workline.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-facing string of the client, from the {@code com.workline.ui.messages} bundle. */
public final class Messages {
    private static volatile ResourceBundle bundle = ResourceBundle.getBundle("com.workline.ui.messages");

    private Messages() {
    }

    /** The person's language, for the client's texts and for problems raised by persistence ({@code Text}). */
    public static void use(Locale locale) {
        bundle = ResourceBundle.getBundle("com.workline.ui.messages", locale);
        com.workline.persistence.common.Text.use(locale);
    }

    public static String get(String key, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
