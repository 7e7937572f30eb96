package com.workline.persistence.numbering;

/** A number taken from a series: the raw sequence value and its formatted form (e.g. INV-2026-00042). */
public record DocumentNumber(DocumentKind kind, int year, long sequence, String formatted) {
}
