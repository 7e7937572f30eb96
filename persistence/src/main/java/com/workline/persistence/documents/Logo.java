package com.workline.persistence.documents;

import java.util.Base64;
import java.util.Objects;
import java.util.Set;

/**
 * An image shown in a document's letterhead: PNG or JPEG bytes (what the PDF renderer can embed without extras), at
 * most {@link #MAX_BYTES} as the database stores it.
 */
public record Logo(byte[] bytes, String contentType) {
    public static final Set<String> CONTENT_TYPES = Set.of("image/png", "image/jpeg");
    /** The largest logo an organization stores (the database checks it too). */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

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

    /**
     * What the bytes are, by their signature (never by a file name): "image/png", "image/jpeg", or null for anything
     * else (GIF, SVG, a renamed text file).
     */
    public static String contentTypeOf(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return "image/png";
        }
        return startsWith(bytes, JPEG_SIGNATURE) ? "image/jpeg" : null;
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        if (bytes == null || bytes.length < signature.length) {
            return false;
        }
        return java.util.Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
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
