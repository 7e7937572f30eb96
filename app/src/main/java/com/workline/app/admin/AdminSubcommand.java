package com.workline.app.admin;

import com.workline.app.Environment;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every `workline admin` subcommand shares: the database options, the environment and the output. */
abstract class AdminSubcommand implements Callable<Integer> {
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

    /** Opens the target database, runs the command's work on it, closes it. */
    @Override
    public final Integer call() throws Exception {
        before();
        try (DatabaseOptions.Target target = database.open(environment())) {
            run(target);
        }
        return 0;
    }

    /** Output that does not need the database (printed even when it cannot be reached). */
    void before() {
    }

    abstract void run(DatabaseOptions.Target target) throws Exception;
}
