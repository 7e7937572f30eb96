package com.workline.ui.about;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What Help › About shows and "Copy diagnostics" copies; built by the application (it knows the configuration).
 *
 * @param appVersion      this client's version
 * @param javaVersion     the Java runtime's version
 * @param javaVendor      the Java runtime's vendor
 * @param javafxVersion   the JavaFX runtime's version, or {@code null} when unknown
 * @param os              operating system, version and architecture
 * @param postgresVersion the PostgreSQL server's version, or {@code null} when unknown (not connected yet)
 * @param schemaVersion   the schema version this client expects
 * @param embedded        the embedded database on this computer ({@code true}) or a company server
 * @param server          the company server as shown to people, or {@code null} for the embedded database
 * @param dataFolder      the data folder (embedded database, logs, demo passwords)
 * @param logFile         the log file, or {@code null} when logging goes to the console only
 */
public record AboutInfo(String appVersion, String javaVersion, String javaVendor, String javafxVersion, String os,
                        String postgresVersion, int schemaVersion, boolean embedded, String server, Path dataFolder,
                        Path logFile) {
    public AboutInfo {
        Objects.requireNonNull(appVersion);
        Objects.requireNonNull(javaVersion);
        Objects.requireNonNull(javaVendor);
        Objects.requireNonNull(os);
        Objects.requireNonNull(dataFolder);
    }
}
