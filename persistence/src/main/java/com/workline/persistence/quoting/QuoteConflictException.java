package com.workline.persistence.quoting;

import com.workline.persistence.common.ConcurrentEditException;

/**
 * Someone saved the quote after it was loaded; nothing was overwritten. Carries the stored quote so the editor can
 * show it next to the typed lines (which it keeps).
 */
public class QuoteConflictException extends ConcurrentEditException {
    private static final long serialVersionUID = 1L;
    private final transient QuoteDetails current;

    public QuoteConflictException(QuoteDetails current) {
        super("record.quote");
        this.current = current;
    }

    /** The quote as it is now stored (null if it is gone). */
    public QuoteDetails current() {
        return current;
    }
}
