package com.workline.persistence.projects;

import com.workline.persistence.common.ConcurrentEditException;

/**
 * Someone (possibly the same person on another device) changed the entry after it was loaded; nothing was
 * overwritten. Carries the stored entry (null if it was deleted) so the screen can show both.
 */
public class TimeEntryConflictException extends ConcurrentEditException {
    private static final long serialVersionUID = 1L;
    private final transient TimeEntry current;

    public TimeEntryConflictException(TimeEntry current) {
        super("record.timeEntry");
        this.current = current;
    }

    public TimeEntry current() {
        return current;
    }
}
