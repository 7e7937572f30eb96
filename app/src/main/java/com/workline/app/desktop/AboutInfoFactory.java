package com.workline.app.desktop;

import com.workline.app.ClientVersion;
import com.workline.app.config.ClientConfiguration;
import com.workline.app.diagnostics.DesktopLogging;
import com.workline.persistence.db.SchemaVersion;
import com.workline.ui.about.AboutInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Builds what Help › About shows. The wiring is one line:
 * {@code AboutView.show(stage, AboutInfoFactory.create(configuration, () -> serverVersion))}.
 */
public final class AboutInfoFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AboutInfoFactory.class);

    private AboutInfoFactory() {
    }

    /**
     * @param serverVersion the PostgreSQL server's version if known, else {@code null}; called on the FX thread,
     *                      so it must not query the server (cache {@link #queryServerVersion} from a background task)
     */
    public static AboutInfo create(ClientConfiguration configuration, Supplier<String> serverVersion) {
        return new AboutInfo(ClientVersion.version(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version")),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                safely(serverVersion), SchemaVersion.EXPECTED, configuration.embedded(),
                configuration.embedded() ? null : configuration.server().display(),
                configuration.dataFolder().toAbsolutePath(),
                logFile(configuration));
    }

    /** The file this process logs to; else the data folder's log file if one exists (written by an earlier run). */
    private static java.nio.file.Path logFile(ClientConfiguration configuration) {
        java.nio.file.Path expected = DesktopLogging.logFile(configuration.dataFolder()).toAbsolutePath();
        return DesktopLogging.activeLogFile().orElse(java.nio.file.Files.exists(expected) ? expected : null);
    }

    /** {@code SHOW server_version}, e.g. "16.4"; for a background task, never the FX thread. */
    public static String queryServerVersion(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String safely(Supplier<String> serverVersion) {
        try {
            return serverVersion == null ? null : serverVersion.get();
        } catch (RuntimeException e) {
            LOG.warn("The PostgreSQL server version is not available for About", e);
            return null;
        }
    }
}
