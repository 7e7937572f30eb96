package com.workline.app.admin;

import com.workline.persistence.admin.NewPerson;
import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.session.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.UUID;

@Command(name = "create-user", mixinStandardHelpOptions = true,
        description = {
                "Add a person to an organization with a role. A new person gets a PostgreSQL login named opaquely after",
                "their email; the password comes from WORKLINE_USER_PASSWORD or a prompt (never a flag) and reaches the",
                "server only as a SCRAM verifier. An e-mail that already has an account (in another organization) is",
                "attached only with --attach-existing, after you have checked which organizations it belongs to: the",
                "account keeps its password, so whoever knows it signs in to this organization too."},
        footerHeading = "%nExample:%n",
        footer = "  workline admin create-user --org \"Acme Tools\" --email anna@acme.example --first-name Anna --last-name Berg --role owner")
final class CreateUserCommand extends AdminSubcommand {
    @Option(names = "--org", required = true, description = "Organization id or exact name.")
    String organization;
    @Option(names = "--email", required = true, description = "The person's email: what they type to sign in.")
    String email;
    @Option(names = "--first-name", required = true)
    String firstName;
    @Option(names = "--last-name", required = true)
    String lastName;
    @Option(names = "--role", defaultValue = "employee",
            description = "owner, admin, manager, employee or viewer. Default: ${DEFAULT-VALUE}.")
    String role;
    @Option(names = "--attach-existing",
            description = "Add an account that already exists (listed with its organizations when you leave this out).")
    boolean attachExisting;

    @Override
    void before() {
        parsedRole();
    }

    private Role parsedRole() {
        try {
            return Role.fromDatabase(role.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + role + "': use owner, admin, manager, employee or viewer.");
        }
    }

    @Override
    void run(DatabaseOptions.Target target) {
        Role parsedRole = parsedRole();
        OrganizationProvisioning provisioning = new OrganizationProvisioning(target.admin(), target.roles());
        UUID org = provisioning.findOrganization(organization).orElseThrow(() -> new IllegalArgumentException(
                "No organization with id or name '" + organization + "'. See 'workline admin list-orgs'."));
        java.util.List<String> existing = provisioning.accountOrganizations(email);
        if (!existing.isEmpty() && !attachExisting) {
            throw new IllegalArgumentException(email.strip() + " already has a Workline account, member of: "
                    + String.join(", ", existing) + ". Check that it is the same person, then run again with"
                    + " --attach-existing (the account keeps its password).");
        }
        char[] password = existing.isEmpty()
                ? environment().password("WORKLINE_USER_PASSWORD", "Initial password for " + email + ": ", true)
                : null;
        UUID user = provisioning.addPerson(org, new NewPerson(email, firstName, lastName, parsedRole, password));
        out().println((existing.isEmpty() ? "Added " : "Attached the existing account of ") + email.strip() + " as "
                + parsedRole.databaseValue() + " (user id " + user + ", login " + target.roles().loginFor(email) + ").");
    }
}
