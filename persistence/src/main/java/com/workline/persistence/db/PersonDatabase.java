package com.workline.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The data access of one signed-in person: a HikariCP pool opened with their own PostgreSQL credentials
 * and a Hibernate SessionFactory on it (schema validation only, never DDL).
 *
 * <p>Every unit of work is one short transaction that starts with
 * {@code set_config('app.tenant_id', ?, true)}: transaction-local, so a pooled connection never
 * carries a tenant to its next borrower. The database verifies the selector (sec.current_tenant);
 * Hibernate's {@code @TenantId} is defence in depth and fills organization_id on insert.
 */
public final class PersonDatabase implements AutoCloseable {
    /** Selects no organization: used until the person has chosen one. */
    static final UUID NO_TENANT = new UUID(0L, 0L);

    private final ServerAddress server;
    private final String login;
    private final HikariDataSource pool;
    private final SessionFactory sessionFactory;
    /** Queries run by {@link #read}, for tests that assert how many statements a screen's query costs. */
    private final LongAdder reads = new LongAdder();

    private PersonDatabase(ServerAddress server, String login, HikariDataSource pool, List<Class<?>> entities) {
        this.server = server;
        this.login = login;
        this.pool = pool;
        this.sessionFactory = buildSessionFactory(pool, entities);
    }

    /**
     * Opens a pool with the person's credentials and a SessionFactory mapping {@code entities}
     * (the composition root lists every business area's entities, see tenancy.MappedEntities).
     */
    public static PersonDatabase open(ServerAddress server, String login, char[] password, int poolSize,
                                      List<Class<?>> entities) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("workline");
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(login);
        config.setPassword(new String(password));
        config.setAutoCommit(false);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(1, poolSize));
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", Connections.APPLICATION_NAME);
        config.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new PersonDatabase(server, login, pool, entities);
        } catch (RuntimeException e) {
            pool.close();
            throw DatabaseErrors.connecting(e, server);
        }
    }

    private static SessionFactory buildSessionFactory(HikariDataSource pool, List<Class<?>> entities) {
        CurrentTenantIdentifierResolver<UUID> resolver = new CurrentTenantIdentifierResolver<>() {
            @Override
            public UUID resolveCurrentTenantIdentifier() {
                return NO_TENANT; // every session is opened with its organization explicitly
            }

            @Override
            public boolean validateExistingCurrentSessions() {
                return false;
            }
        };
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, pool)
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, resolver)
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.GENERATE_STATISTICS, true)
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** A handle fixed to {@code organizationId}: what one signed-in session's services use. */
    public TenantDatabase forOrganization(UUID organizationId) {
        return new TenantDatabase(this, organizationId);
    }

    /** Runs {@code work} in one transaction with no organization selected (e.g. listing one's memberships). */
    public <T> T withoutTenant(Function<Session, T> work) {
        return inTenant(NO_TENANT, work);
    }

    /**
     * Runs {@code work} in one transaction of organization {@code t}; commits, or rolls back on failure. The
     * organization is an argument, never ambient state, so nothing queued earlier can run in a newer choice.
     */
    <T> T inTenant(UUID t, Function<Session, T> work) {
        Objects.requireNonNull(t);
        try (Session session = sessionFactory.withOptions().tenantIdentifier(t).openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                session.doWork(connection -> {
                    try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                        ps.setString(1, t.toString());
                        ps.execute();
                    }
                });
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    try {
                        tx.rollback();
                    } catch (RuntimeException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                throw DatabaseErrors.translate(e);
            }
        }
    }

    /** Reads the rows of a read-only query (runs inside the transaction, on the calling thread). */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** The tenant selector, sent as its own statement ahead of the query in the same network exchange. */
    static final String SET_TENANT = "SELECT set_config('app.tenant_id', ?, true);\n";

    /**
     * Runs one read-only {@code sql} (positional parameters) in one transaction of organization {@code t}, without a
     * Hibernate session: for the lists and records a screen shows while the user types or scrolls.
     *
     * <p>The transaction is the same as {@link #inTenant}'s: {@code BEGIN}, then
     * {@code set_config('app.tenant_id', ?, true)} as its own statement, then the query, then {@code COMMIT}. The
     * first three travel in one network exchange (pgjdbc sends the statements of a multi-statement prepared
     * statement back to back, each parsed, bound and executed on its own, with one Sync); the commit is the
     * second and last. If any statement fails, the following ones are not executed and the transaction is
     * rolled back. The tenant is transaction-local: the pooled connection forgets it at the commit.
     */
    <T> T read(UUID t, String sql, List<?> parameters, Rows<T> rows) {
        Objects.requireNonNull(t);
        if (sql.indexOf(';') >= 0) {
            throw new IllegalArgumentException("one statement only");
        }
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(SET_TENANT + sql)) {
                ps.setString(1, t.toString());
                for (int i = 0; i < parameters.size(); i++) {
                    ps.setObject(i + 2, parameters.get(i));
                }
                ps.execute();
                if (ps.getMoreResults()) {
                    T result;
                    try (ResultSet rs = ps.getResultSet()) {
                        result = rows.read(rs);
                    }
                    c.commit();
                    reads.increment();
                    return result;
                }
                throw new IllegalStateException("The query returned no result set: " + sql);
            } catch (SQLException | RuntimeException e) {
                rollBack(c, e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** Rolls the connection's transaction back after {@code failure}; a failing rollback is kept as suppressed. */
    private static void rollBack(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Work on a JDBC connection inside a read-only unit of work whose tenant is already set. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs several read-only statements (e.g. a count and its estimate) in one transaction of organization
     * {@code t} without a Hibernate session: {@code set_config('app.tenant_id', ?, true)} first, then
     * {@code work}, then {@code COMMIT}.
     */
    <T> T readWith(UUID t, ConnectionWork<T> work) {
        Objects.requireNonNull(t);
        try (Connection c = pool.getConnection()) {
            try {
                try (PreparedStatement ps = c.prepareStatement(SET_TENANT.strip().replace(";", ""))) {
                    ps.setString(1, t.toString());
                    ps.execute();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(c, e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw DatabaseErrors.translate(e);
        }
    }

    /** How many queries {@link #read} has run (Hibernate's statistics do not see them). */
    public long readQueryCount() {
        return reads.sum();
    }

    /** New connections of the pool sign in with the new password (existing ones stay signed in). */
    public void passwordChanged(char[] newPassword) {
        pool.getHikariConfigMXBean().setPassword(new String(newPassword));
    }

    /** True when a connection can be had and answers within two seconds (for the connection indicator). */
    public boolean isReachable() {
        try (java.sql.Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (java.sql.SQLException | RuntimeException e) {
            return false;
        }
    }

    public ServerAddress server() {
        return server;
    }

    public String login() {
        return login;
    }

    /** Hibernate statistics, for tests that assert how many statements a screen's query costs. */
    public org.hibernate.stat.Statistics statistics() {
        return sessionFactory.getStatistics();
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            pool.close();
        }
    }
}
