package com.workline.persistence.documents;

import java.util.List;
import java.util.Objects;

/**
 * Seller or buyer as printed: name, a contact person (buyer) or null, address lines as they go on the envelope,
 * tax id (VAT id) or null, and e-mail/phone or null.
 */
public record Party(String name, String contact, List<String> addressLines, String taxId, String email, String phone) {
    public Party {
        Objects.requireNonNull(name, "name");
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }

    public static Party of(String name, String... addressLines) {
        return new Party(name, null, List.of(addressLines), null, null, null);
    }
}
