package com.workline.ui.reports;

import com.workline.persistence.projects.Projects;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.Section;

import java.util.List;

/**
 * Projects & time › Reports: time reports and utilisation for everyone who records time (managers see everybody's time,
 * others their own: the service and the database decide).
 */
public final class ReportsArea implements Area {
    public static final String TIME_REPORTS = "time-reports";

    @Override
    public List<Section> sections() {
        return List.of(new Section(TIME_REPORTS, "nav.timeReports", "nav.projectsTime", 230, Permissions::mayEdit,
                ReportsArea::reports));
    }

    private static Screen reports(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        Projects projects = Projects.of(ctx.session());
        var vm = new TimeReportViewModel(projects.reports(), projects.settings(), tasks, ctx.locale(), ctx.clock());
        return TimeReportView.create(vm).owning(tasks);
    }
}
