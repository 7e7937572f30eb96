package com.workline.persistence.db;

import java.util.Objects;

/**
 * Where the Workline database is: host, port, database, TLS settings and any further driver settings of the URL.
 *
 * @param sslMode      pgjdbc sslmode ({@code disable}, {@code prefer}, {@code require}, {@code verify-ca},
 *                     {@code verify-full}); {@code null} uses the driver default
 * @param sslRootCert  path of the CA certificate for verify-ca/verify-full, or {@code null}
 * @param options      the URL's other parameters as written ({@code prepareThreshold=0} behind PgBouncer 1.18, see
 *                     docs/scale-out.md), or {@code null}
 */
public record ServerAddress(String host, int port, String database, String sslMode, String sslRootCert, String options) {

    public ServerAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (options != null && options.isBlank()) {
            options = null;
        }
    }

    public ServerAddress(String host, int port, String database, String sslMode, String sslRootCert) {
        this(host, port, database, sslMode, sslRootCert, null);
    }

    public static ServerAddress of(String host, int port, String database) {
        return new ServerAddress(host, port, database, null, null, null);
    }

    /** Parses {@code jdbc:postgresql://host[:port]/database[?sslmode=...&sslrootcert=...&other=...]}. */
    public static ServerAddress parseJdbcUrl(String url) {
        String prefix = "jdbc:postgresql://";
        if (url == null || !url.startsWith(prefix)) {
            throw new IllegalArgumentException("Expected a URL like jdbc:postgresql://host:5432/workline, got: " + url);
        }
        String rest = url.substring(prefix.length());
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("The URL names no database: " + url);
        }
        String hostPort = rest.substring(0, slash);
        String database = rest.substring(slash + 1);
        String host = hostPort;
        int port = 5432;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            port = Integer.parseInt(hostPort.substring(colon + 1));
        }
        String sslMode = null;
        String sslRootCert = null;
        StringBuilder options = new StringBuilder();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equalsIgnoreCase("sslmode")) {
                    sslMode = kv[1];
                } else if (kv.length == 2 && kv[0].equalsIgnoreCase("sslrootcert")) {
                    sslRootCert = kv[1];
                } else if (!pair.isEmpty()) {
                    options.append(options.isEmpty() ? "" : "&").append(pair);
                }
            }
        }
        return new ServerAddress(host, port, database, sslMode, sslRootCert, options.toString());
    }

    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(database);
        String separator = "?";
        if (sslMode != null) {
            url.append(separator).append("sslmode=").append(sslMode);
            separator = "&";
        }
        if (sslRootCert != null) {
            url.append(separator).append("sslrootcert=").append(sslRootCert);
            separator = "&";
        }
        if (options != null) {
            url.append(separator).append(options);
        }
        return url.toString();
    }

    /** Host and port as shown to users ("db.example.com:5432"). */
    public String display() {
        return host + ":" + port + "/" + database;
    }

    public ServerAddress withDatabase(String otherDatabase) {
        return new ServerAddress(host, port, otherDatabase, sslMode, sslRootCert, options);
    }

    /** The same TLS and driver settings for another host, port or database (what a person picks at sign-in). */
    public ServerAddress withLocation(String otherHost, int otherPort, String otherDatabase) {
        return new ServerAddress(otherHost, otherPort, otherDatabase, sslMode, sslRootCert, options);
    }
}
