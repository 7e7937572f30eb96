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

import java.sql.PreparedStatement;
import java.util.List;
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
