package com.workline.ui.workbench;

/** One line of the Ctrl+K search: the record, its title and a detail line (kind, number, owner …). */
public record SearchHit(RecordRef record, String title, String detail) {
}
