package com.workline.persistence.projects;

import com.workline.persistence.common.KeysetPage;

import java.util.List;

/** A page of the approval queue (oldest week first); {@code next} is the last row when more may follow. */
public record ApprovalPage(List<ApprovalRow> rows, ApprovalRow next) implements KeysetPage<ApprovalRow, ApprovalRow> {
}
