package com.workline.persistence.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * Sends openhtmltopdf's messages to SLF4J like the rest of the application, instead of its own console handler.
 * Its INFO is chatty (timings, "loading font" per document), so that becomes DEBUG; warnings (a resource a
 * template may not load, a CSS property it does not know) stay warnings.
 */
final class Slf4jRendererLog implements XRLogger {
    private static volatile boolean installed;

    private Slf4jRendererLog() {
    }

    static void install() {
        if (!installed) {
            synchronized (Slf4jRendererLog.class) {
                if (!installed) {
                    XRLog.setLoggerImpl(new Slf4jRendererLog());
                    installed = true;
                }
            }
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (value >= Level.WARNING.intValue()) {
            logger.warn(msg, th);
        } else if (value >= Level.FINE.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are the SLF4J backend's business.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        int value = diagnostic.getLevel().intValue();
        return value >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                : value >= Level.FINE.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
