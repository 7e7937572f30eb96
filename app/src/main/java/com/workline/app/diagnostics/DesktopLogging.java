package com.workline.app.diagnostics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.core.util.StatusPrinter2;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Logging of the desktop client: INFO and up to the console and to the rolling file
 * {@code <data folder>/logs/workline.log}, libraries only from WARN. Configured in code rather than from an XML file:
 * Logback's XML configurator and the XML parser it needs are some 600 classes and a good part of the client's start-up
 * (docs/performance.md). The admin command line keeps {@code logback.xml}: warnings and errors on the console only.
 *
 * <p>Logback configures itself from {@code logback.xml} on the first {@code LoggerFactory} call, before the
 * data folder is known; {@link #start(Path)} then replaces that configuration (when {@code start} makes that first
 * call, {@link DesktopBootstrapConfigurator} skips {@code logback.xml}). Nothing but {@link #start}
 * writes into the data folder, so tests that never call it never touch a real user folder.
 */
public final class DesktopLogging {
    /** Screen timings (rows and count after a search): {@code -DWORKLINE_LIST_TIMING=DEBUG}, see docs/performance.md. */
    static final String LIST_TIMING = "WORKLINE_LIST_TIMING";

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
            configure(context, file.getParent());
        } catch (RuntimeException e) {
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

    private static void configure(LoggerContext context, Path folder) {
        context.reset();
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, "%d{HH:mm:ss} %-5level %logger{20} - %msg%n"));
        console.start();

        // A new file every day and at 10 MB; two weeks and at most 100 MB are kept.
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder.resolve("workline.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder.resolve("workline.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("100MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        file.start();

        String listTiming = Optional.ofNullable(System.getProperty(LIST_TIMING)).orElse(System.getenv(LIST_TIMING));
        context.getLogger("com.workline.ui.crm.CustomerListViewModel").setLevel(Level.toLevel(listTiming, Level.INFO));
        for (String library : new String[] {"org.hibernate", "org.flywaydb", "com.zaxxer.hikari", "org.postgresql", "io.zonky",
                "javafx", "com.sun.javafx"}) {
            context.getLogger(library).setLevel(Level.WARN);
        }
        // SQL errors reach the log once, translated, through BackgroundTasks; this helper would repeat each one.
        context.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper").setLevel(Level.OFF);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        root.addAppender(file);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
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
