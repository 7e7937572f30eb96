package com.workline.ui.admin;

import com.workline.persistence.admin.Administration;
import com.workline.persistence.mail.SmtpSender;
import com.workline.persistence.projects.Projects;
import com.workline.ui.common.Messages;
import com.workline.ui.documents.DocumentPreviewWindow;
import com.workline.ui.task.BackgroundTasks;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Permissions;
import com.workline.ui.workbench.RecordTab;
import com.workline.ui.workbench.Screen;
import com.workline.ui.workbench.Section;

import java.util.List;

/**
 * Administration: organization settings, the organization's rules for time and people (owners and admins), and everyone's
 * own profile and mail server; the customer record's "Time rules" tab.
 */
public final class AdministrationArea implements Area {
    public static final String PROFILE = "profile";

    @Override
    public List<Section> sections() {
        return List.of(
                new Section("organization", "nav.organization", Section.ADMINISTRATION, 900, Permissions::mayAdminister,
                        ctx -> {
                            BackgroundTasks tasks = ctx.newTasks();
                            return OrganizationSettingsView.create(new OrganizationSettingsViewModel(
                                    Administration.of(ctx.session()).organizationSettings(), tasks, ctx.locale()),
                                    sample -> DocumentPreviewWindow.show(ctx, Messages.get("settings.sample.window"), sample,
                                            Messages.get("settings.sample.window") + ".pdf")).owning(tasks);
                        }),
                new Section("time-settings", "nav.timeSettings", Section.ADMINISTRATION, 905, Permissions::mayAdminister,
                        ctx -> {
                            BackgroundTasks tasks = ctx.newTasks();
                            return TimeSettingsView.create(new TimeSettingsViewModel(
                                    Projects.of(ctx.session()).settings(), tasks, ctx.locale())).owning(tasks);
                        }),
                new Section("people", "nav.people", Section.ADMINISTRATION, 910, Permissions::mayAdminister, ctx -> {
                    BackgroundTasks tasks = ctx.newTasks();
                    return Screen.of(PeopleView.create(new PeopleViewModel(Administration.of(ctx.session()).people(), tasks),
                            ctx.locale())).owning(tasks);
                }),
                new Section(PROFILE, "nav.profile", null, 1000, p -> true, ctx -> {
                    BackgroundTasks tasks = ctx.newTasks();
                    // A scope of its own: a slow "Test connection" does not keep the profile's Save busy.
                    BackgroundTasks mailTasks = ctx.newTasks();
                    var mail = new MailSettingsViewModel(Administration.of(ctx.session()).mailSettings(ctx.secretsFolder()),
                            new SmtpSender(), mailTasks);
                    return Screen.of(ProfileView.create(new ProfileViewModel(Administration.of(ctx.session()).profile(),
                            tasks), mail)).owning(tasks, mailTasks);
                }));
    }

    /** The customer record's "Time rules": how the customer's billable time is rounded (managers and above change it). */
    @Override
    public List<RecordTab> recordTabs() {
        return List.of(new RecordTab("customer", "timeRules.tab", 30, (ctx, customerId) -> {
            BackgroundTasks tasks = ctx.newTasks();
            var vm = new CustomerTimeRulesViewModel(Projects.of(ctx.session()).settings(), customerId,
                    ctx.permissions().mayManage(), tasks);
            return CustomerTimeRulesView.create(vm).owning(tasks);
        }));
    }
}
