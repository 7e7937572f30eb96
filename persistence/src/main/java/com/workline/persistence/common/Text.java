package com.workline.persistence.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A user-facing sentence of the persistence layer as a key of the {@code com.workline.persistence.problems}
 * bundle plus its arguments: services never write English into what they raise. The desktop client shows it in
 * the person's language ({@link #render(Locale)}); logs and the admin command line use {@link #english()}.
 */
public record Text(String key, List<Object> arguments) {
    static final String BUNDLE = "com.workline.persistence.problems";
    private static volatile Locale locale = Locale.getDefault();

    public Text {
        arguments = List.copyOf(arguments);
    }

    public static Text of(String key, Object... arguments) {
        return new Text(key, List.of(arguments));
    }

    /** The language the client shows problems in (set by the client at start-up with its own bundle's). */
    public static void use(Locale chosen) {
        locale = chosen;
    }

    public static Locale locale() {
        return locale;
    }

    public String render(Locale in) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, in, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // Always a MessageFormat pattern (also without arguments), so a quote is written '' in every entry.
        Object[] shown = arguments.stream().map(a -> a instanceof Text nested ? nested.render(in) : a).toArray();
        return new MessageFormat(pattern, in).format(shown);
    }

    /** In the client's language. */
    public String localized() {
        return render(locale);
    }

    public String english() {
        return render(Locale.ROOT);
    }
}
