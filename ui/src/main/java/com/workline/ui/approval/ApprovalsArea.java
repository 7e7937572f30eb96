package com.workline.ui.approval;

import com.workline.persistence.projects.Projects;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.Section;

import java.util.List;

/** Projects & time › Approvals: the weeks waiting for a manager's approval (managers and above; the database decides). */
public final class ApprovalsArea implements Area {
    public static final String APPROVALS = "approvals";
    public static final String GROUP = "nav.projectsTime";

    @Override
    public List<Section> sections() {
        return List.of(new Section(APPROVALS, "nav.approvals", GROUP, 220, Permissions::mayManage, ApprovalsArea::queue));
    }

    private static Screen queue(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        Projects projects = Projects.of(ctx.session());
        var vm = new ApprovalQueueViewModel(projects.approvals(), projects.time(), tasks, ctx.locale(), ctx.clock().getZone());
        return ApprovalQueueView.create(vm).owning(tasks);
    }
}
