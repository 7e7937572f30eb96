package com.workline.app.admin;

import com.workline.app.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code workline admin}: the command line for IT. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {
                "Prepare and look after a Workline database.",
                "Without --url every command acts on the embedded database in your data folder,",
                "which is created and migrated on first use."},
        subcommands = {InitServerCommand.class, MigrateCommand.class, CreateOrgCommand.class, CreateUserCommand.class,
                ListOrgsCommand.class, VersionCommand.class, GenerateCommand.class, BenchCommand.class, SessionsCommand.class,
                BackupCommand.class, RestoreCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  workline admin version",
                "  workline admin backup --to ~/workline.wlbackup",
                "  workline admin create-org --name \"Acme Tools\" --currency EUR --country DE",
                "  WORKLINE_USER_PASSWORD=... workline admin create-user --org \"Acme Tools\" \\",
                "      --email anna@acme.example --first-name Anna --last-name Berg --role owner",
                "  WORKLINE_ADMIN_PASSWORD=... workline admin init-server \\",
                "      --url jdbc:postgresql://db.acme.example:5432/workline --user postgres"})
public final class AdminCommand implements Runnable {
    @ParentCommand
    Main main;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
