package com.workline.app.admin;


import java.util.concurrent.Callable;

/** A `workline admin` subcommand that works on an opened database (backup and restore manage the server themselves). */
abstract class AdminSubcommand extends AdminOptions implements Callable<Integer> {

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
