package com.workline.persistence.documents;

import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/** An image shown in a document's letterhead: PNG or JPEG bytes (what the PDF renderer can embed without extras). */
public record Logo(byte[] bytes, String contentType) {
    public static final Set<String> CONTENT_TYPES = Set.of("image/png", "image/jpeg");

    public Logo {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty logo");
        }
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new IllegalArgumentException("logo must be one of " + CONTENT_TYPES + ", not " + contentType);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The image as a {@code data:} URI for the template's {@code <img src>}. */
    public String dataUri() {
        return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Logo logo && contentType.equals(logo.contentType) && java.util.Arrays.equals(bytes, logo.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Logo[" + contentType + ", " + bytes.length + " bytes]";
    }
}
