package com.workline.app.admin;

import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.admin.OrganizationSummary;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "list-orgs", mixinStandardHelpOptions = true, description = "List the organizations in the database.",
        footerHeading = "%nExample:%n", footer = "  workline admin list-orgs")
final class ListOrgsCommand extends AdminSubcommand {
    @Override
    void run(DatabaseOptions.Target target) {
        PrintWriter out = out();
        List<OrganizationSummary> organizations =
                new OrganizationProvisioning(target.admin(), target.roles()).listOrganizations();
        if (organizations.isEmpty()) {
            out.println("No organizations yet. Create one with 'workline admin create-org --name \"...\"'.");
            return;
        }
        int width = Math.max(4, organizations.stream().mapToInt(o -> o.name().length()).max().orElse(4));
        out.printf("%-36s  %-" + width + "s  %-8s  %s%n", "ID", "NAME", "CURRENCY", "ACTIVE PEOPLE");
        for (OrganizationSummary o : organizations) {
            out.printf("%-36s  %-" + width + "s  %-8s  %d%n", o.id(), o.name(), o.baseCurrency(), o.activeMembers());
        }
    }
}
