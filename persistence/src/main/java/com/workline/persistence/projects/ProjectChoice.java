package com.workline.persistence.projects;

import java.util.UUID;

/** A project that takes time, as offered by the timer, the week grid and the quick bar. */
public record ProjectChoice(UUID id, String number, String name, String customerName, boolean defaultBillable) {
}
