package com.workline.persistence.common;

/**
 * A failure explained for the user: a {@link Problem} plus a {@link Text} (bundle key and arguments). The
 * message ({@link #getMessage()}) is English, for logs and the command line; {@link #getLocalizedMessage()} is
 * what the desktop client shows, in the person's language. Messages that come from the server as they are (rare:
 * a PostgreSQL error without a Workline code) have no key.
 */
public class WorklineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;
    private final transient Text text;

    public WorklineException(Problem problem, Text text) {
        super(text.english());
        this.problem = problem;
        this.text = text;
    }

    public WorklineException(Problem problem, Text text, Throwable cause) {
        super(text.english(), cause);
        this.problem = problem;
        this.text = text;
    }

    /** A sentence that comes as it is (from the server); prefer {@link #WorklineException(Problem, Text)}. */
    public WorklineException(Problem problem, String message) {
        super(message);
        this.problem = problem;
        this.text = null;
    }

    public WorklineException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.text = null;
    }

    /** The key and arguments, or null for a sentence that came as it is. */
    public Text text() {
        return text;
    }

    @Override
    public String getLocalizedMessage() {
        return text == null ? getMessage() : text.localized();
    }

    public Problem problem() {
        return problem;
    }
}
