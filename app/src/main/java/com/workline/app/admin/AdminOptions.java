package com.workline.app.admin;

import com.workline.app.Environment;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** What every `workline admin` subcommand is given: the database options, the environment and the output. */
abstract class AdminOptions {
    @ParentCommand
    AdminCommand admin;
    @Mixin
    DatabaseOptions database;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    Environment environment() {
        return admin.main.environment();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
