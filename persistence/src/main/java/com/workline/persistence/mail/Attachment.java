package com.workline.persistence.mail;

import java.util.Arrays;
import java.util.Objects;

/** A file sent along: its name as the recipient sees it, its MIME type ({@code application/pdf}) and its bytes. */
public record Attachment(String fileName, String contentType, byte[] content) {
    public static final String PDF = "application/pdf";

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = Objects.requireNonNull(content, "content").clone();
    }

    public static Attachment pdf(String fileName, byte[] content) {
        return new Attachment(fileName, PDF, content);
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment a && fileName.equals(a.fileName) && contentType.equals(a.contentType)
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
