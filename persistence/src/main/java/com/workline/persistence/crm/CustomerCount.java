package com.workline.persistence.crm;

/** How many customers match: exact up to a threshold, beyond it the planner's estimate ({@code exact} false). */
public record CustomerCount(long value, boolean exact) {
}
