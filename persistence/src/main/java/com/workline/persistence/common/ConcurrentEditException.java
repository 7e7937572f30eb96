package com.workline.persistence.common;

/** Someone else saved the same record after it was loaded; nothing was overwritten. */
public class ConcurrentEditException extends WorklineException {
    private static final long serialVersionUID = 1L;

    /** @param what the kind of record, a key of the problems bundle such as {@code record.customer} */
    public ConcurrentEditException(String what) {
        super(Problem.CONFLICT, Text.of("conflict.someoneElse", Text.of(what)));
    }
}
