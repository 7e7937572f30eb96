package com.workline.persistence.db.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The operating-system account the PostgreSQL processes run as. Normally the user running Workline;
 * when that is root (containers, CI machines), PostgreSQL refuses to start, so the server runs as
 * the unprivileged {@code nobody} account through {@code setpriv}, and its data folder is handed to it.
 */
abstract class ServerAccount {

    static ServerAccount forCurrentProcess() {
        return isRoot() ? new Unprivileged() : new CurrentUser();
    }

    private static boolean isRoot() {
        if (System.getProperty("os.name").startsWith("Windows")) {
            return false;
        }
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Words put before initdb or pg_ctl on the command line. */
    abstract List<String> commandPrefix();

    /** Gives a file or folder (recursively) to the server account. */
    abstract void takeOwnership(Path path) throws IOException;

    /** Lets the server account reach files below {@code folder}. */
    abstract void makeTraversable(Path folder) throws IOException;

    private static final class CurrentUser extends ServerAccount {
        @Override
        List<String> commandPrefix() {
            return List.of();
        }

        @Override
        void takeOwnership(Path path) {
            // already ours
        }

        @Override
        void makeTraversable(Path folder) {
            // already ours
        }
    }

    private static final class Unprivileged extends ServerAccount {
        private static final String USER = "nobody";

        @Override
        List<String> commandPrefix() {
            return List.of("setpriv", "--reuid=" + USER, "--regid=" + primaryGroup(), "--clear-groups", "--");
        }

        private static String primaryGroup() {
            return Files.exists(Path.of("/etc/group")) && groupExists("nogroup") ? "nogroup" : USER;
        }

        private static boolean groupExists(String group) {
            try (Stream<String> lines = Files.lines(Path.of("/etc/group"))) {
                return lines.anyMatch(line -> line.startsWith(group + ":"));
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        void takeOwnership(Path path) throws IOException {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            var user = lookup.lookupPrincipalByName(USER);
            var group = lookup.lookupPrincipalByGroupName(primaryGroup());
            try (Stream<Path> all = Files.walk(path)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
        }

        @Override
        void makeTraversable(Path folder) throws IOException {
            // Every folder from the root down must be searchable (x) by others, or the server cannot reach its data.
            for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    if (p.equals(folder.toAbsolutePath()) || p.startsWith(folder.toAbsolutePath())) {
                        permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                        Files.setPosixFilePermissions(p, permissions);
                    } else {
                        throw new IOException("PostgreSQL, running as '" + USER + "' because Workline runs as root, "
                                + "cannot reach " + folder + " since " + p + " is not searchable by others ("
                                + PosixFilePermissions.toString(permissions) + "). Choose a data folder elsewhere.");
                    }
                }
            }
        }
    }
}
