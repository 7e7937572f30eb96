package com.workline.app.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The OS-standard per-user data folder: {@code %LOCALAPPDATA%\Workline} on Windows,
 * {@code ~/Library/Application Support/Workline} on macOS, {@code $XDG_DATA_HOME/workline} (default
 * {@code ~/.local/share/workline}) on Linux. As root on Linux, {@code /var/lib/workline}: the embedded
 * PostgreSQL then runs as an unprivileged account that cannot enter root's home folder.
 */
public final class DataFolders {
    private DataFolders() {
    }

    public static Path userDataFolder(Map<String, String> env, String osName, String userHome, boolean root) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.getOrDefault("LOCALAPPDATA", userHome + "\\AppData\\Local");
            return Path.of(local, "Workline");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Workline");
        }
        if (root) {
            return Path.of("/var/lib/workline");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share")).resolve("workline");
    }

    public static Path userDataFolder() {
        return userDataFolder(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"), isRoot());
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (Exception e) {
            return false;
        }
    }
}
