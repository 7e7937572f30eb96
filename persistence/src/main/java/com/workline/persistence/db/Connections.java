package com.workline.persistence.db;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** Plain (unpooled) data sources, used for sign-in checks and the admin command line. */
public final class Connections {
    /** Shown in pg_stat_activity to every login: it must say nothing about the person or the company. */
    public static final String APPLICATION_NAME = "Workline";

    private Connections() {
    }

    public static DataSource dataSource(ServerAddress server, String user, char[] password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(server.jdbcUrl());
        ds.setUser(user);
        ds.setPassword(new String(password));
        ds.setApplicationName(APPLICATION_NAME);
        ds.setConnectTimeout(10);
        ds.setSocketTimeout(0);
        ds.setTcpKeepAlive(true);
        return ds;
    }
}
