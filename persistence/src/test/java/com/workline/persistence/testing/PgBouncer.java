package com.workline.persistence.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real PgBouncer (Debian's {@code pgbouncer} package; {@code .ci/run} installs it) in front of the test database,
 * configured as docs/scale-out.md tells IT: transaction pooling, each person signed in with their own password through
 * {@code auth_query} and the pooler's login. Runs in the foreground of a child process; as {@code nobody} when the
 * tests run as root (PgBouncer refuses root).
 */
public final class PgBouncer implements AutoCloseable {
    private final Process process;
    private final Path folder;
    private final int port;

    private PgBouncer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** The pgbouncer binary, if installed. */
    public static Optional<Path> binary() {
        for (String candidate : List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            Path p = Path.of(dir, "pgbouncer");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Starts PgBouncer in front of {@code db} with {@code poolSize} server connections per person and database. */
    public static PgBouncer start(TestDatabase db, int poolSize) throws IOException, InterruptedException {
        Path binary = binary().orElseThrow(() -> new IllegalStateException("pgbouncer is not installed"));
        Path folder = Files.createTempDirectory("workline-pgbouncer");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        String database = db.server().database();
        Files.writeString(folder.resolve("userlist.txt"), "\"" + db.poolerLogin() + "\" \"" + TestDatabase.POOLER_PASSWORD + "\"\n");
        Files.writeString(folder.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                database + " = host=" + db.server().host() + " port=" + db.server().port() + " dbname=" + database,
                "",
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "pool_mode = transaction",
                "default_pool_size = " + poolSize,
                "max_client_conn = 500",
                "auth_type = scram-sha-256",
                "auth_file = " + folder.resolve("userlist.txt"),
                "auth_user = " + db.poolerLogin(),
                "auth_query = SELECT login, verifier FROM pgbouncer.user_lookup($1)",
                "ignore_startup_parameters = extra_float_digits",
                "admin_users = " + db.poolerLogin(),
                "server_login_retry = 1",
                "logfile = " + folder.resolve("pgbouncer.log"),
                ""));
        for (String file : List.of("userlist.txt", "pgbouncer.ini")) {
            Files.setPosixFilePermissions(folder.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if (Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(folder.resolve("pgbouncer.ini").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("console.log").toFile()).start();
        PgBouncer bouncer = new PgBouncer(process, folder, port);
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer ended at start: " + bouncer.log());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return bouncer;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        bouncer.close();
        throw new IllegalStateException("pgbouncer did not listen on " + port + ": " + bouncer.log());
    }

    public int port() {
        return port;
    }

    /** PgBouncer's log and console output, for failure messages. */
    public String log() {
        StringBuilder all = new StringBuilder();
        for (String file : List.of("console.log", "pgbouncer.log")) {
            try {
                all.append(Files.readString(folder.resolve(file)));
            } catch (IOException e) {
                // not written yet
            }
        }
        return all.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
