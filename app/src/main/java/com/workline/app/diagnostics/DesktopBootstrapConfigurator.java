package com.workline.app.diagnostics;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration. In the desktop client ({@link DesktopLogging#start}) it configures nothing, because
 * the desktop configuration replaces it at once: that saves parsing {@code logback.xml} at every start of the window
 * (start-up time, docs/performance.md). Everywhere else (the admin command line, tests) Logback goes on to
 * {@code logback.xml} or {@code logback-test.xml} as usual.
 */
public final class DesktopBootstrapConfigurator extends ContextAwareBase implements Configurator {
    /** Set by {@link DesktopLogging#start} only around Logback's first initialisation. */
    static final String PROPERTY = "workline.desktopLoggingStarting";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return Boolean.getBoolean(PROPERTY) ? ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY : ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
}
