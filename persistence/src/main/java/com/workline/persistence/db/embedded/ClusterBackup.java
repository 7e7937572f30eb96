package com.workline.persistence.db.embedded;

import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.SchemaVersion;
import com.workline.persistence.db.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backups of the embedded cluster as one file: a physical copy of the whole cluster taken online with
 * PostgreSQL's backup API (so it is consistent while the desktop app writes), plus the WAL that makes it
 * consistent, the superuser password, and a manifest that identifies the file (docs/decisions/0012).
 *
 * <p>The file is a ZIP: {@code pgdata/...} (the cluster), {@code superuser.password}, and last
 * {@code workline-backup.properties} with the format, versions, creation time and a SHA-256 over every other
 * entry's name and content. A restore checks all of that, unpacks and starts the copy beside the current
 * cluster, and only then swaps the folders; the replaced cluster is kept as {@code pgdata.before-restore-<time>}
 * (the latest one only).
 */
public final class ClusterBackup {
    public static final String FORMAT = "workline-backup";
    public static final int FORMAT_VERSION = 1;
    /** The file name ending Workline gives its backups. */
    public static final String EXTENSION = ".wlbackup";
    static final String MANIFEST = "workline-backup.properties";
    static final String DATA = "pgdata/";
    static final String PASSWORD = "superuser.password";
    static final String STAGING = "pgdata.restoring";
    static final String REPLACED_PREFIX = "pgdata.before-restore-";
    /** Written while the folders are swapped: names the replaced cluster, so an interrupted swap can be undone. */
    static final String SWAP_MARKER = "restore.swapping";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Files PostgreSQL's documentation says to leave out of a base backup (contents of these folders). */
    private static final Set<String> SKIPPED_FOLDER_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "server.log",
            "backup_label", "tablespace_map", "backup_manifest", "current_logfiles", "pg_internal.init");

    /** What the manifest says about a backup. */
    public record Manifest(int formatVersion, Instant createdAt, String clientVersion, int schemaVersion,
                           String postgresMajor, String database, long entries, String sha256) {
    }

    /** Progress of a long backup or restore: the number of files done so far. */
    public interface Progress {
        Progress NONE = files -> { };

        void accept(long files);
    }

    private ClusterBackup() {
    }

    /**
     * Copies the running cluster of {@code server} into {@code target} (written beside it first, then moved, so
     * a failed backup never leaves a half file under the final name).
     */
    public static Manifest backUp(EmbeddedPostgresServer server, String database, Path target, String clientVersion,
                                  Progress progress) {
        Path data = server.dataDirectory();
        ServerAddress address = ServerAddress.of(server.host(), server.port(), database);
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(partial.getParent());
            try (Connection c = Connections.dataSource(address, EmbeddedPostgresServer.SUPERUSER,
                    server.superuserPassword().toCharArray()).getConnection()) {
                int schema = schemaVersion(c);
                byte[] random = new byte[6];
                new SecureRandom().nextBytes(random);
                String slot = "workline_backup_" + HexFormat.of().formatHex(random);
                // A temporary slot keeps the WAL from the start of the copy until the session ends.
                query(c, "SELECT pg_create_physical_replication_slot('" + slot + "', true, true)");
                query(c, "SELECT pg_backup_start('Workline backup', true)");
                Digest digest = new Digest();
                long entries;
                FilePermissions.writeOwnerOnly(partial, "");
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                    zip.setComment("Workline backup");
                    entries = copyCluster(data, zip, digest, progress);
                    String label;
                    String tablespaceMap;
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                        rs.next();
                        label = rs.getString(1);
                        tablespaceMap = rs.getString(2);
                    }
                    // pg_backup_stop switched to a new WAL segment: everything up to the backup's end is in pg_wal now.
                    entries += copyWal(data, zip, digest);
                    entries += putBytes(zip, digest, DATA + "backup_label", label.getBytes(StandardCharsets.UTF_8));
                    if (tablespaceMap != null && !tablespaceMap.isBlank()) {
                        entries += putBytes(zip, digest, DATA + "tablespace_map", tablespaceMap.getBytes(StandardCharsets.UTF_8));
                    }
                    entries += putBytes(zip, digest, PASSWORD, server.superuserPassword().getBytes(StandardCharsets.UTF_8));
                    Manifest manifest = new Manifest(FORMAT_VERSION, Instant.now(), clientVersion, schema,
                            server.postgresMajor(), database, entries, digest.hex());
                    zip.putNextEntry(new ZipEntry(MANIFEST));
                    zip.write(write(manifest).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                    zip.finish();
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("Backed up the embedded database (schema V{}, {} files) to {}", schema, entries, target);
                    return manifest;
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        } catch (IOException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("backup.writeFailed", target, e.getMessage()), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .part file is harmless and overwritten next time
            }
        }
    }

    /** Reads and checks the manifest (not yet the checksum): refuses files that are not Workline backups. */
    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WorklineException(Problem.NOT_FOUND, Text.of("backup.fileMissing", file));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw notABackup(file);
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                p.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw notABackup(file);
            }
            int version = Integer.parseInt(p.getProperty("formatVersion", "0"));
            if (version != FORMAT_VERSION) {
                throw new WorklineException(Problem.INVALID_INPUT, Text.of("backup.formatVersion", file, version));
            }
            return new Manifest(version, Instant.parse(p.getProperty("createdAt")), p.getProperty("clientVersion", "?"),
                    Integer.parseInt(p.getProperty("schemaVersion")), p.getProperty("postgresMajor"),
                    p.getProperty("database"), Long.parseLong(p.getProperty("entries")), p.getProperty("sha256"));
        } catch (WorklineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not a ZIP, a truncated one, or a manifest that does not parse.
            throw notABackup(file);
        }
    }

    /** Reads the whole file and checks its checksum, without unpacking anything. */
    public static Manifest verify(Path file) {
        Manifest manifest = read(file);
        unpack(file, manifest, null);
        return manifest;
    }

    /**
     * Replaces the cluster of {@code server} (which this process must own) by the backup in {@code file}. The
     * backup is checked, unpacked beside the current cluster and started once on its own port (recovering to its
     * consistent state and taking this installation's superuser password); only then is the current cluster
     * stopped and swapped out. If the restored cluster does not start, the previous one is put back and started.
     */
    public static Manifest restore(EmbeddedPostgresServer server, String database, Path file, Progress progress) {
        Manifest manifest = read(file);
        if (!server.ownsServer()) {
            throw new WorklineException(Problem.CONFLICT, Text.of("backup.restore.inUse"));
        }
        if (!manifest.postgresMajor().equals(server.postgresMajor())) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("backup.restore.postgresVersion",
                    manifest.postgresMajor(), server.postgresMajor()));
        }
        if (manifest.schemaVersion() > SchemaVersion.EXPECTED) {
            throw new WorklineException(Problem.CLIENT_OLDER_THAN_SERVER, Text.of("backup.restore.newerSchema",
                    manifest.schemaVersion(), SchemaVersion.EXPECTED));
        }
        Path home = server.home();
        Path staging = home.resolve(STAGING);
        try {
            deleteTree(staging);
            String backupPassword = unpack(file, manifest, staging);
            progress.accept(manifest.entries());
            FilePermissions.setIfPosix(staging, "rwx------");
            server.account().takeOwnership(staging);
            prepareStaged(server, staging, database, backupPassword, file);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new WorklineException(Problem.UNEXPECTED, Text.of("backup.restore.failed", e.getMessage()), e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
        swap(server, staging);
        LOG.info("Restored the embedded database from {} (backup of {}, schema V{})", file, manifest.createdAt(),
                manifest.schemaVersion());
        return manifest;
    }

    /** Starts the unpacked copy on a spare port: it recovers, gets our superuser password, and is checked. */
    private static void prepareStaged(EmbeddedPostgresServer server, Path staging, String database, String backupPassword,
                                      Path file) throws IOException {
        int port = EmbeddedPostgresServer.freePort();
        try {
            server.startCluster(staging, port);
        } catch (RuntimeException e) {
            LOG.warn("The restored copy of {} did not start", file, e);
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("backup.restore.notStartable", file), e);
        }
        try (Connection c = Connections.dataSource(ServerAddress.of(server.host(), port, "postgres"),
                EmbeddedPostgresServer.SUPERUSER, backupPassword.toCharArray()).getConnection();
             Statement s = c.createStatement()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw notABackup(file);
                    }
                }
            }
            // The generated password is base64url: nothing to escape.
            s.execute("ALTER ROLE " + EmbeddedPostgresServer.SUPERUSER + " PASSWORD '" + server.superuserPassword() + "'");
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new WorklineException(Problem.INVALID_INPUT, Text.of("backup.restore.notStartable", file), e);
        } finally {
            server.stopCluster(staging);
        }
    }

    private static void swap(EmbeddedPostgresServer server, Path staging) {
        Path data = server.dataDirectory();
        Path replaced = server.home().resolve(REPLACED_PREFIX + STAMP.format(Instant.now()));
        Path marker = server.home().resolve(SWAP_MARKER);
        try {
            server.stopKeepingLock();
            Files.writeString(marker, replaced.getFileName().toString());
            Files.move(data, replaced, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            finishInterruptedSwap(server.home());
            server.startCluster(data, server.port());
            throw new WorklineException(Problem.UNEXPECTED, Text.of("backup.restore.failed", e.getMessage()), e);
        }
        try {
            server.startCluster(data, server.port());
        } catch (RuntimeException startFailed) {
            LOG.error("The restored database did not start; putting the previous one back", startFailed);
            try {
                Files.move(data, server.home().resolve(STAGING), StandardCopyOption.ATOMIC_MOVE);
                Files.move(replaced, data, StandardCopyOption.ATOMIC_MOVE);
                server.startCluster(data, server.port());
            } catch (IOException | RuntimeException e) {
                startFailed.addSuppressed(e);
            }
            deleteMarker(marker);
            throw new WorklineException(Problem.UNEXPECTED, Text.of("backup.restore.failed", startFailed.getMessage()),
                    startFailed);
        }
        deleteMarker(marker);
        // Keep the cluster just replaced (a restore can be undone by hand), not the ones of earlier restores.
        try (Stream<Path> siblings = Files.list(server.home())) {
            for (Path old : siblings.filter(p -> p.getFileName().toString().startsWith(REPLACED_PREFIX)
                    && !p.equals(replaced)).toList()) {
                deleteQuietly(old);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove earlier replaced clusters in {}", server.home(), e);
        }
    }

    /**
     * A restore that was interrupted while swapping the folders (power cut, killed): if the cluster folder is
     * missing, the replaced one is put back; if the restored one is in place (it was checked before), it stays.
     * Called before the server starts, by the process that holds the server lock.
     */
    static void finishInterruptedSwap(Path home) {
        Path marker = home.resolve(SWAP_MARKER);
        if (!Files.exists(marker)) {
            return;
        }
        try {
            Path data = home.resolve("pgdata");
            Path replaced = home.resolve(Files.readString(marker).trim());
            if (!Files.exists(data) && replaced.getFileName().toString().startsWith(REPLACED_PREFIX) && Files.isDirectory(replaced)) {
                LOG.warn("A restore was interrupted before the restored database was in place; putting {} back", replaced);
                Files.move(replaced, data, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.delete(marker);
        } catch (IOException e) {
            throw new WorklineException(Problem.UNEXPECTED, Text.of("backup.restore.failed", e.getMessage()), e);
        }
    }

    private static void deleteMarker(Path marker) {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.warn("Could not remove {}", marker, e);
        }
    }

    /**
     * Reads every entry in order, checks names and the checksum, and (with a target folder) writes the cluster
     * there. Returns the backup's superuser password.
     */
    private static String unpack(Path file, Manifest manifest, Path target) {
        Digest digest = new Digest();
        String password = null;
        long entries = 0;
        boolean manifestSeen = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.equals(MANIFEST)) {
                    manifestSeen = true;
                    continue;
                }
                if (manifestSeen || !(name.equals(PASSWORD) || name.startsWith(DATA)) || name.contains("..")
                        || name.contains("\\")) {
                    throw corrupt(file);
                }
                entries++;
                digest.name(name);
                if (name.equals(PASSWORD)) {
                    byte[] bytes = zip.readAllBytes();
                    digest.update(bytes, bytes.length);
                    password = new String(bytes, StandardCharsets.UTF_8).trim();
                    continue;
                }
                Path out = target == null ? null : target.resolve(name.substring(DATA.length())).normalize();
                if (out != null && !out.startsWith(target)) {
                    throw corrupt(file);
                }
                if (entry.isDirectory()) {
                    if (out != null) {
                        Files.createDirectories(out);
                    }
                    continue;
                }
                if (out != null) {
                    Files.createDirectories(out.getParent());
                }
                try (OutputStream os = out == null ? OutputStream.nullOutputStream() : Files.newOutputStream(out)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                        digest.update(buffer, n);
                        os.write(buffer, 0, n);
                    }
                }
            }
        } catch (WorklineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file);
        }
        if (!manifestSeen || password == null || entries != manifest.entries() || !digest.hex().equals(manifest.sha256())) {
            throw corrupt(file);
        }
        return password;
    }

    private static long copyCluster(Path data, ZipOutputStream zip, Digest digest, Progress progress) throws IOException {
        long[] count = {0};
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(data)) {
                    count[0] += putDirectory(zip, digest, DATA + relative(data, dir) + "/");
                    if (dir.getParent().equals(data) && SKIPPED_FOLDER_CONTENTS.contains(dir.getFileName().toString())) {
                        if (dir.getFileName().toString().equals("pg_wal")) {
                            count[0] += putDirectory(zip, digest, DATA + "pg_wal/archive_status/");
                        }
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !SKIPPED_FILES.contains(name) && !name.startsWith("pgsql_tmp")) {
                    count[0] += putFile(zip, digest, DATA + relative(data, file), file);
                    if (count[0] % 200 == 0) {
                        progress.accept(count[0]);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // dropped while we copied: the WAL replays the drop
                }
                throw e;
            }
        });
        return count[0];
    }

    private static long copyWal(Path data, ZipOutputStream zip, Digest digest) throws IOException {
        long count = 0;
        List<Path> segments;
        try (Stream<Path> files = Files.list(data.resolve("pg_wal"))) {
            segments = files.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path segment : segments) {
            count += putFile(zip, digest, DATA + "pg_wal/" + segment.getFileName(), segment);
        }
        return count;
    }

    private static String relative(Path data, Path path) {
        return data.relativize(path).toString().replace('\\', '/');
    }

    private static long putDirectory(ZipOutputStream zip, Digest digest, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.closeEntry();
        digest.name(name);
        return 1;
    }

    private static long putFile(ZipOutputStream zip, Digest digest, String name, Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return 0; // dropped while we copied: the WAL replays the drop
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(name));
            digest.name(name);
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, n);
                zip.write(buffer, 0, n);
            }
            zip.closeEntry();
        }
        return 1;
    }

    private static long putBytes(ZipOutputStream zip, Digest digest, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        digest.name(name);
        digest.update(bytes, bytes.length);
        zip.write(bytes);
        zip.closeEntry();
        return 1;
    }

    private static String write(Manifest m) {
        return String.join("\n",
                "# Workline backup: a physical copy of the embedded PostgreSQL cluster (docs/backups.md)",
                "format=" + FORMAT,
                "formatVersion=" + m.formatVersion(),
                "createdAt=" + m.createdAt(),
                "clientVersion=" + m.clientVersion(),
                "schemaVersion=" + m.schemaVersion(),
                "postgresMajor=" + m.postgresMajor(),
                "database=" + m.database(),
                "entries=" + m.entries(),
                "sha256=" + m.sha256(),
                "");
    }

    private static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('flyway.flyway_schema_history') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(max(version::int), 0) FROM flyway.flyway_schema_history WHERE success AND version IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
        }
    }

    private static WorklineException notABackup(Path file) {
        return new WorklineException(Problem.INVALID_INPUT, Text.of("backup.notABackup", file));
    }

    private static WorklineException corrupt(Path file) {
        return new WorklineException(Problem.INVALID_INPUT, Text.of("backup.corrupt", file));
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove {}", folder, e);
        }
    }

    /** SHA-256 over each entry's name (and a zero byte) and content, in the order written. */
    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void name(String name) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }

        void update(byte[] bytes, int length) {
            sha.update(bytes, 0, length);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** A name for a backup file made now: {@code <prefix>-20261124-101500.wlbackup}. */
    public static String fileName(String prefix, Instant at) {
        return prefix + "-" + STAMP.format(at) + EXTENSION;
    }
}
