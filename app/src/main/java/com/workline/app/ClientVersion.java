package com.workline.app;

import com.workline.persistence.db.SchemaVersion;
import picocli.CommandLine;

/** This client's version (from the jar manifest) and the schema version it expects. */
public final class ClientVersion {
    private ClientVersion() {
    }

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Workline " + version() + " (schema " + SchemaVersion.EXPECTED + ")"};
        }
    }
}
