package com.workline.persistence.crm;

import com.workline.persistence.common.ConcurrentEditException;

/** Someone saved the deal after it was loaded; carries their version so the user can compare. */
public class DealConflictException extends ConcurrentEditException {
    private static final long serialVersionUID = 1L;
    private final transient DealDetails current;

    public DealConflictException(DealDetails current) {
        super("record.deal");
        this.current = current;
    }

    /** The deal as it is now stored. */
    public DealDetails current() {
        return current;
    }
}
