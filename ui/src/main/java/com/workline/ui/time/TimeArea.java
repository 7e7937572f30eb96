package com.workline.ui.time;

import com.workline.persistence.projects.Projects;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.ScreenContext;
import com.workline.ui.workbench.Section;
import com.workline.ui.workbench.ShellItem;

import java.util.List;
import java.util.function.Supplier;

/**
 * Time in the desktop client: Projects &amp; time › My time (the week grid and the day view) and the timer in the
 * shell's top bar, for everyone who records time (employees and up). Both show the one {@link TimerViewModel} of the
 * session ({@link ScreenContext#shared}).
 */
public final class TimeArea implements Area {
    public static final String MY_TIME = "my_time";
    public static final String GROUP = "nav.projectsTime";
    public static final String TIMER = "timer";

    @Override
    public List<Section> sections() {
        return List.of(new Section(MY_TIME, "nav.myTime", GROUP, 210, Permissions::mayEdit, TimeArea::myTime));
    }

    @Override
    public List<ShellItem> shellItems() {
        return List.of(new ShellItem(TIMER, Permissions::mayEdit,
                ctx -> TimerView.create(timer(ctx), picker(ctx), ctx.locale(), ctx.clock().getZone())));
    }

    /** The session's timer; its task scope is closed with the shell (which disposes the timer's item). */
    static TimerViewModel timer(ScreenContext ctx) {
        return ctx.shared(TimerViewModel.class, c -> {
            Projects projects = Projects.of(c.session());
            return new TimerViewModel(projects.time(), projects.settings(), c.newTasks(), c.clock(), c.preferences(),
                    c.session().person().login(), c.session().organization().id());
        });
    }

    /** A fresh picker (with a task scope of its own, closed when the dialog's owner screen is disposed). */
    private static Supplier<ProjectTaskPickerViewModel> picker(ScreenContext ctx) {
        return () -> {
            Projects projects = Projects.of(ctx.session());
            return new ProjectTaskPickerViewModel(projects.projects(), projects.tasks(), ctx.newTasks());
        };
    }

    private static Screen myTime(ScreenContext ctx) {
        BackgroundTasks tasks = ctx.newTasks();
        Projects projects = Projects.of(ctx.session());
        WeekViewModel week = new WeekViewModel(projects.time(), projects.approvals(), projects.settings(), tasks,
                ctx.locale(), ctx.clock());
        DayViewModel day = new DayViewModel(projects.time(), week, tasks);
        return MyTimeView.create(week, day, timer(ctx), picker(ctx)).owning(tasks);
    }
}
