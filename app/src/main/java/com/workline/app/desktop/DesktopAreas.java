package com.workline.app.desktop;

import com.workline.ui.admin.AdministrationArea;
import com.workline.ui.approval.ApprovalsArea;
import com.workline.ui.catalog.CatalogArea;
import com.workline.ui.crm.CrmArea;
import com.workline.ui.home.HomeArea;
import com.workline.ui.projects.ProjectsArea;
import com.workline.ui.quoting.QuotingArea;
import com.workline.ui.time.TimeArea;
import com.workline.ui.reports.ReportsArea;
import com.workline.ui.workbench.Area;
import com.workline.ui.workbench.Workbench;

import java.util.List;

/** Every business area of the desktop client: adding an area is one line here (see docs/README.md). */
final class DesktopAreas {
    static final List<Area> ALL = List.of(
            new HomeArea(),
            new CrmArea(),
            new QuotingArea(),
            new CatalogArea(),
            new ProjectsArea(),
            new TimeArea(),
            new ApprovalsArea(),
            new ReportsArea(),
            new AdministrationArea());

    private DesktopAreas() {
    }

    static Workbench workbench() {
        return new Workbench(ALL);
    }
}
