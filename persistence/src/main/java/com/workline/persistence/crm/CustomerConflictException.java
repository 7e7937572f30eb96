package com.workline.persistence.crm;

import com.workline.persistence.common.ConcurrentEditException;

/** Someone saved the customer after it was loaded; carries their version so the user can compare. */
public class CustomerConflictException extends ConcurrentEditException {
    private static final long serialVersionUID = 1L;
    private final transient CustomerDetails current;

    public CustomerConflictException(CustomerDetails current) {
        super("record.customer");
        this.current = current;
    }

    /** The customer as it is now stored. */
    public CustomerDetails current() {
        return current;
    }
}
