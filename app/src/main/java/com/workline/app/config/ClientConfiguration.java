package com.workline.app.config;

import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.ServerAddress;

import java.nio.file.Path;

/**
 * Resolved settings of the desktop client.
 *
 * @param server     the company server, or {@code null} for the embedded database
 * @param roles      role names (prefix) of the Workline database
 * @param dataFolder where the embedded database and local files live
 * @param demo       open the demo company (embedded only)
 * @param serverLocked IT locked the server in the system-wide file: the sign-in window offers no other
 */
public record ClientConfiguration(ServerAddress server, RoleNames roles, Path dataFolder, boolean demo, boolean serverLocked) {
    public ClientConfiguration(ServerAddress server, RoleNames roles, Path dataFolder, boolean demo) {
        this(server, roles, dataFolder, demo, false);
    }

    public boolean embedded() {
        return server == null;
    }

    /**
     * Where this computer keeps the person's keys (common.SecretBox: the key that seals the saved SMTP password). A
     * folder of its own, because the box restricts its folder to the user alone, and the data folder itself must stay
     * open to the embedded PostgreSQL (which runs as another user when the client runs as root).
     */
    public Path secretsFolder() {
        return dataFolder.resolve("secrets");
    }
}
