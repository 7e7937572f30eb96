package com.workline.app.admin;

import com.workline.persistence.admin.OrganizationProvisioning;
import com.workline.persistence.bench.CrmBenchmark;
import com.workline.persistence.bench.QuotingBenchmark;
import com.workline.persistence.bench.TimeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures beside their baselines.",
        subcommands = {BenchCommand.Crm.class, BenchCommand.Quoting.class, BenchCommand.Time.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.ParentCommand
    AdminCommand admin;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "crm", mixinStandardHelpOptions = true,
            description = {
                    "Time the CRM screens' queries on an organization (see 'workline admin generate'): customer list first",
                    "and middle page, search as you type, record open, kanban board. Each figure (median / 95th percentile)",
                    "stands beside the same SQL through plain JDBC (the floor) and as the owner role without RLS."},
            footerHeading = "%nExample:%n", footer = "  workline admin bench crm --org \"Scale Org 1\" --runs 50")
    static final class Crm extends OrganizationBench {
        @Option(names = "--runs", defaultValue = "200", description = "Timed runs per figure. Default: ${DEFAULT-VALUE}.")
        int runs;

        @Override
        void run(DatabaseOptions.Target target, UUID org, Consumer<String> lines) {
            lines.accept("Times in ms, median / 95th percentile. 'service': what the screen calls (its transaction with the"
                    + " tenant set first, RLS). 'plain JDBC': the same statement and binds as the same person, tenant set"
                    + " once. 'owner, no RLS': the same SQL bypassing row-level security.");
            new CrmBenchmark(target.address(), target.admin(), target.roles(), lines).warmupSeconds(warmupSeconds).run(org, runs);
        }
    }

    @Command(name = "quoting", mixinStandardHelpOptions = true,
            description = {
                    "Time the quote screens on an organization with quotes (see 'workline admin generate --quotes'): the",
                    "list's pages, search and tab totals, and opening, recalculating, saving and printing its 200-line",
                    "draft. Each figure (median / 95th percentile) stands beside a baseline measured in the same run:",
                    "the same statements through plain JDBC, the calculator alone, or a one-line PDF."},
            footerHeading = "%nExample:%n", footer = "  workline admin bench quoting --org \"Quote Co 1\" --runs 50")
    static final class Quoting extends OrganizationBench {
        @Option(names = "--runs", defaultValue = "50",
                description = "Timed runs per figure (a fifth of them for the PDF, at least 5). Default: ${DEFAULT-VALUE}.")
        int runs;

        @Override
        void run(DatabaseOptions.Target target, UUID org, Consumer<String> lines) {
            new QuotingBenchmark(target.address(), target.admin(), target.roles(), lines).warmupSeconds(warmupSeconds).run(org, runs);
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            description = {
                    "Time the time screens' reads on an organization with time entries (see 'workline admin generate",
                    "--time-entries'): a person's week (the week grid), the manager's approval queue, a project's budget",
                    "figures and time reports over a year. Each figure (median / 95th percentile) stands beside the same",
                    "statements through plain JDBC as the same person, measured in the same run."},
            footerHeading = "%nExample:%n", footer = "  workline admin bench time --org \"Time Co 1\" --runs 50")
    static final class Time extends OrganizationBench {
        @Option(names = "--runs", defaultValue = "50", description = "Timed runs per figure. Default: ${DEFAULT-VALUE}.")
        int runs;

        @Override
        void run(DatabaseOptions.Target target, UUID org, Consumer<String> lines) {
            new TimeBenchmark(target.address(), target.admin(), target.roles(), lines).warmupSeconds(warmupSeconds).run(org, runs);
        }
    }

    /** What every benchmark shares: the database, the organization, the warm-up; each names its own runs. */
    abstract static class OrganizationBench implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        BenchCommand bench;
        @picocli.CommandLine.Mixin
        DatabaseOptions database;
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--org", required = true, description = "Organization id or exact name.")
        String organization;

        @Option(names = "--warmup-seconds", defaultValue = "3",
                description = "Least warm-up per operation, in seconds; it goes on until the figures are stable. Default: ${DEFAULT-VALUE}.")
        double warmupSeconds;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DatabaseOptions.Target target = database.open(bench.admin.main.environment())) {
                UUID org = new OrganizationProvisioning(target.admin(), target.roles()).findOrganization(organization)
                        .orElseThrow(() -> new IllegalArgumentException("No organization with id or name '" + organization + "'."));
                run(target, org, line -> {
                    out.println(line);
                    out.flush();
                });
            }
            return 0;
        }

        /** Runs the benchmark, printing each line as it comes. */
        abstract void run(DatabaseOptions.Target target, UUID org, Consumer<String> lines);
    }
}
