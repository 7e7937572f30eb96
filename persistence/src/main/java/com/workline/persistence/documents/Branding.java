package com.workline.persistence.documents;

import java.util.regex.Pattern;

/**
 * What an organization adjusts on all its documents: accent colour (CSS hex, {@code #rgb} or {@code #rrggbb}),
 * footer text, standard terms and logo. Text may be null; the colour falls back to {@link #DEFAULT_ACCENT}.
 */
public record Branding(String accentColour, String footerText, String terms, Logo logo) {
    public static final String DEFAULT_ACCENT = "#1f4e79";
    private static final Pattern HEX_COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    public Branding {
        if (accentColour == null || accentColour.isBlank()) {
            accentColour = DEFAULT_ACCENT;
        } else if (!HEX_COLOUR.matcher(accentColour.strip()).matches()) {
            // Goes into the style sheet: only a plain hex colour, never arbitrary CSS.
            throw new IllegalArgumentException("accent colour must be #rgb or #rrggbb, not " + accentColour);
        } else {
            accentColour = accentColour.strip();
        }
    }

    public static Branding plain() {
        return new Branding(null, null, null, null);
    }
}
