package com.workline.persistence.projects;

import com.workline.persistence.common.ConcurrentEditException;

/** Someone saved the project after it was loaded; nothing was overwritten. Carries the stored project. */
public class ProjectConflictException extends ConcurrentEditException {
    private static final long serialVersionUID = 1L;
    private final transient ProjectDetails current;

    public ProjectConflictException(ProjectDetails current) {
        super("record.project");
        this.current = current;
    }

    /** The project as it is now stored. */
    public ProjectDetails current() {
        return current;
    }
}
