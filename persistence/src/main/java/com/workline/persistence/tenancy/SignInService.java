package com.workline.persistence.tenancy;

import com.workline.persistence.common.Text;
import com.workline.persistence.session.OrganizationChoice;
import com.workline.persistence.session.SignedInPerson;
import com.workline.persistence.session.Role;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.db.Connections;
import com.workline.persistence.db.DatabaseErrors;
import com.workline.persistence.db.PersonDatabase;
import com.workline.persistence.db.RoleNames;
import com.workline.persistence.db.SchemaVersion;
import com.workline.persistence.db.ServerAddress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Signs a person in with their own PostgreSQL login (derived from their email) and password.
 * Checks, in this order, with errors a user understands: the server can be reached, the password is
 * right, the account is active, client and server schema versions match, and the person belongs to
 * at least one organization.
 */
public final class SignInService {
    private final RoleNames roles;
    private final int poolSize;

    public SignInService(RoleNames roles, int poolSize) {
        this.roles = roles;
        this.poolSize = poolSize;
    }

    public SignedInPerson signIn(ServerAddress server, String email, char[] password) {
        if (email == null || email.isBlank() || password == null || password.length == 0) {
            throw new WorklineException(Problem.WRONG_CREDENTIALS, Text.of("signin.credentialsMissing"));
        }
        String login = roles.loginFor(email);
        UUID userId;
        List<OrganizationChoice> organizations;
        try (Connection c = Connections.dataSource(server, login, password).getConnection()) {
            checkSchemaVersion(c, server);
            userId = queryUserId(c);
            organizations = SignedInPerson.listOrganizations(c);
            if (organizations.isEmpty() || userId == null) {
                throw new WorklineException(Problem.NO_MEMBERSHIP,
                        Text.of("signin.noMembership"));
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT sec.record_sign_in()");
            }
        } catch (SQLException e) {
            throw DatabaseErrors.connecting(e, server);
        }
        PersonDatabase db = PersonDatabase.open(server, login, password, poolSize, MappedEntities.ALL);
        return new SignedInPerson(db, email.strip(), userId, organizations);
    }

    static void checkSchemaVersion(Connection c, ServerAddress server) throws SQLException {
        int serverVersion;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regprocedure('sec.schema_version()') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new WorklineException(Problem.SERVER_NOT_INITIALISED, Text.of("signin.notWorklineDatabase",
                        server.database(), server.host()));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sec.schema_version()")) {
            rs.next();
            serverVersion = rs.getInt(1);
        }
        if (serverVersion > SchemaVersion.EXPECTED) {
            throw new WorklineException(Problem.CLIENT_OLDER_THAN_SERVER, Text.of("signin.clientOlder",
                    String.valueOf(SchemaVersion.EXPECTED), String.valueOf(serverVersion)));
        }
        if (serverVersion < SchemaVersion.EXPECTED) {
            throw new WorklineException(Problem.SERVER_OLDER_THAN_CLIENT, Text.of("signin.serverOlder",
                    String.valueOf(serverVersion), String.valueOf(SchemaVersion.EXPECTED)));
        }
    }

    private static UUID queryUserId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sec.current_user_id()")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }
}
