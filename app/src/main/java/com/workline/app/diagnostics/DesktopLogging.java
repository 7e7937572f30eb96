package com.workline.app.diagnostics;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.StatusPrinter2;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Logging of the desktop client: INFO and up to the console and to the rolling file
 * {@code <data folder>/logs/workline.log} ({@code logback-desktop.xml}). The admin command line keeps
 * {@code logback.xml}: warnings and errors on the console only.
 *
 * <p>Logback configures itself from {@code logback.xml} on the first {@code LoggerFactory} call, before the
 * data folder is known; {@link #start(Path)} then replaces that configuration (when {@code start} makes that first
 * call, {@link DesktopBootstrapConfigurator} skips {@code logback.xml}). Nothing but {@link #start}
 * writes into the data folder, so tests that never call it never touch a real user folder.
 */
public final class DesktopLogging {
    public static final String CONFIGURATION = "/logback-desktop.xml";
    /** The property {@code logback-desktop.xml} reads the folder of the log files from. */
    static final String LOG_DIR_PROPERTY = "WORKLINE_LOG_DIR";

    private static volatile Path active;

    private DesktopLogging() {
    }

    /** Where the desktop client writes its log for this data folder. */
    public static Path logFile(Path dataFolder) {
        return dataFolder.resolve("logs").resolve("workline.log");
    }

    /** The log file currently written, if {@link #start} succeeded. */
    public static Optional<Path> activeLogFile() {
        return Optional.ofNullable(active);
    }

    /**
     * Switches logging to the console and the rolling file of {@code dataFolder}; when the folder cannot be
     * written, logs to the console only and says so. Also routes java.util.logging (PostgreSQL JDBC driver,
     * JavaFX) into SLF4J.
     *
     * @return the log file, empty when logging goes to the console only
     */
    public static synchronized Optional<Path> start(Path dataFolder) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        ILoggerFactory factory;
        System.setProperty(DesktopBootstrapConfigurator.PROPERTY, "true");
        try {
            factory = LoggerFactory.getILoggerFactory();
        } finally {
            System.clearProperty(DesktopBootstrapConfigurator.PROPERTY);
        }
        if (!(factory instanceof LoggerContext context)) {
            return Optional.empty();
        }
        Path file = logFile(dataFolder).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(DesktopLogging.class)
                    .warn("Cannot create the log folder {}; logging to the console only", file.getParent(), e);
            return Optional.empty();
        }
        long since = System.currentTimeMillis();
        try {
            configure(context, DesktopLogging.class.getResource(CONFIGURATION), file.getParent());
        } catch (JoranException e) {
            restoreDefault();
            LoggerFactory.getLogger(DesktopLogging.class).warn("Cannot configure the log file {}; console only", file, e);
            return Optional.empty();
        }
        Optional<Status> error = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getTimestamp() >= since && s.getEffectiveLevel() >= Status.ERROR).findFirst();
        if (error.isPresent()) {
            // e.g. a read-only file: show Logback's own report, since the log itself may not work
            new StatusPrinter2().printInCaseOfErrorsOrWarnings(context, since);
            active = null;
            return Optional.empty();
        }
        active = file;
        Logger log = LoggerFactory.getLogger(DesktopLogging.class);
        log.info("Logging to {}", file);
        return Optional.of(file);
    }

    private static void configure(LoggerContext context, URL configuration, Path folder) throws JoranException {
        context.reset();
        context.putProperty(LOG_DIR_PROPERTY, folder.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration);
    }

    /** Back to Logback's automatic configuration ({@code logback.xml}); for tests and failures. */
    public static synchronized void restoreDefault() {
        active = null;
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                // Logback falls back to its basic console configuration
            }
        }
    }
}
