package com.workline.app.admin;

import com.workline.persistence.db.ServerSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = {
                "Who is connected to the Workline database, for how long, how long their transaction has been open,",
                "what each session waits for and which sessions block it. With --end, ends a person's session (for",
                "example one that holds a lock everybody waits for). Connect as a superuser."},
        footerHeading = "%nExamples:%n",
        footer = {"  workline admin sessions --url jdbc:postgresql://db:5432/workline --user postgres",
                "  workline admin sessions --url jdbc:postgresql://db:5432/workline --user postgres --end 4711"})
final class SessionsCommand extends AdminSubcommand {
    @Option(names = "--end", paramLabel = "PID", description = "End the session with this process id (repeatable).")
    List<Integer> end = List.of();

    @Override
    void run(DatabaseOptions.Target target) {
        ServerSessions sessions = new ServerSessions(target.admin());
        PrintWriter out = out();
        for (int pid : end) {
            sessions.end(pid);
            out.println("Ended session " + pid + ".");
        }
        if (!end.isEmpty()) {
            return;
        }
        List<ServerSessions.Session> all = sessions.list();
        OffsetDateTime now = OffsetDateTime.now();
        out.printf("%-8s %-32s %-10s %-10s %-10s %-24s %-12s %s%n",
                "PID", "PERSON", "CONNECTED", "IN TX", "STATE", "WAITING FOR", "BLOCKED BY", "QUERY");
        for (ServerSessions.Session s : all) {
            out.printf("%-8d %-32s %-10s %-10s %-10s %-24s %-12s %s%n", s.pid(),
                    s.person() != null ? s.person() : s.login(), since(s.connectedSince(), now), since(s.transactionSince(), now),
                    s.state() == null ? "" : s.state(), s.waitingFor() == null ? "" : s.waitingFor(),
                    s.blockedBy().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    s.query() == null ? "" : s.query());
        }
        out.println(all.size() + (all.size() == 1 ? " session." : " sessions."));
    }

    private static String since(OffsetDateTime start, OffsetDateTime now) {
        if (start == null) {
            return "";
        }
        Duration d = Duration.between(start, now);
        return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m" : d.toMinutesPart() + "m" + d.toSecondsPart() + "s";
    }
}
