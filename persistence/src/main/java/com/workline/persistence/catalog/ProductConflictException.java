package com.workline.persistence.catalog;

import com.workline.persistence.common.ConcurrentEditException;

/** Someone saved the product after it was loaded; carries their version so the user can compare. */
public class ProductConflictException extends ConcurrentEditException {
    private static final long serialVersionUID = 1L;
    private final transient ProductDetails current;

    public ProductConflictException(ProductDetails current) {
        super("record.product");
        this.current = current;
    }

    /** The product as it is now stored. */
    public ProductDetails current() {
        return current;
    }
}
