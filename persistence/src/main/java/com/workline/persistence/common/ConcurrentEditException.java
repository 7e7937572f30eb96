package com.workline.persistence.common;

/** Someone else saved the same record after it was loaded; nothing was overwritten. */
public class ConcurrentEditException extends WorklineException {
    private static final long serialVersionUID = 1L;

    public ConcurrentEditException(String what) {
        super(Problem.CONFLICT, "Someone else changed the " + what
                + " while you were editing. Nothing was saved; your changes are still here. Reload to see theirs.");
    }
}
