package com.workline.persistence.documents;

/** A document could not be rendered: a broken custom template (not well-formed XHTML, unknown variable) or I/O. */
public class DocumentRenderException extends RuntimeException {
    public DocumentRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
