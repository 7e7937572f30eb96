package com.workline.persistence.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A postal address as it goes on the envelope (the lines of a {@link Party}): street lines, then the town line
 * ("80331 München"; "Springfield, IL 62704" where the post writes it that way), then the country's name in the
 * document's language, left out for an address in the sender's own country. Blank parts are skipped.
 */
public final class AddressLines {
    /** Countries whose post writes the town before the region and postal code. */
    private static final Set<String> TOWN_FIRST = Set.of("US", "CA", "AU");

    private AddressLines() {
    }

    /**
     * @param country     ISO 3166-1 alpha-2 code or null
     * @param homeCountry the sender's country (ISO code) or null: an address there gets no country line
     * @param language    the document's language, for the country's name
     */
    public static List<String> of(String line1, String line2, String postalCode, String city, String region,
                                  String country, String homeCountry, Locale language) {
        List<String> lines = new ArrayList<>();
        add(lines, line1);
        add(lines, line2);
        String code = blank(country) ? null : country.strip().toUpperCase(Locale.ROOT);
        if (code != null && TOWN_FIRST.contains(code)) {
            String town = join(", ", city, join(" ", region, postalCode));
            add(lines, town);
        } else {
            add(lines, join(" ", postalCode, city));
        }
        if (code != null && !code.equalsIgnoreCase(homeCountry == null ? "" : homeCountry.strip())) {
            String name = new Locale("", code).getDisplayCountry(language);
            add(lines, name.isBlank() ? code : name);
        }
        return lines;
    }

    private static String join(String separator, String first, String second) {
        if (blank(first)) {
            return blank(second) ? null : second.strip();
        }
        return blank(second) ? first.strip() : first.strip() + separator + second.strip();
    }

    private static void add(List<String> lines, String value) {
        if (!blank(value)) {
            lines.add(value.strip());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
