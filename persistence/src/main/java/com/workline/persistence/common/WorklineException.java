package com.workline.persistence.common;

/** A failure explained for the user: a {@link Problem} key plus a plain-language English message. */
public class WorklineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    public WorklineException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public WorklineException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
