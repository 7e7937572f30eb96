package com.workline.persistence.projects;

import com.workline.persistence.common.KeysetPage;

import java.util.List;

/** A page of the project list; {@code next} is the last row when more may follow. */
public record ProjectPage(List<ProjectRow> rows, ProjectRow next) implements KeysetPage<ProjectRow, ProjectRow> {
}
