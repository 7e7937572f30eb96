package com.workline.persistence.db;

import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.WorklineException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns driver and Hibernate failures into {@link WorklineException}s with words a user understands. */
public final class DatabaseErrors {
    private DatabaseErrors() {
    }

    /** For failures while opening a connection (sign-in, admin commands). */
    public static WorklineException connecting(Throwable failure, ServerAddress server) {
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        String message = sql == null ? String.valueOf(failure.getMessage()) : String.valueOf(sql.getMessage());
        if ("28P01".equals(state)) {
            return new WorklineException(Problem.WRONG_CREDENTIALS,
                    "The email or password is not correct.", failure);
        }
        if ("28000".equals(state) && message.contains("not permitted to log in")) {
            return new WorklineException(Problem.ACCOUNT_DEACTIVATED,
                    "Your account has been deactivated. Ask an administrator of your organization to reactivate it.", failure);
        }
        if ("28000".equals(state)) {
            return new WorklineException(Problem.SERVER_REFUSED,
                    "The server at " + server.display() + " does not accept this connection (" + firstLine(message)
                            + "). Ask IT to check the server's access settings.", failure);
        }
        if ("3D000".equals(state)) {
            return new WorklineException(Problem.SERVER_NOT_INITIALISED,
                    "The database " + server.database() + " does not exist on " + server.host()
                            + ". Ask IT to prepare it with 'workline admin init-server'.", failure);
        }
        if (isConnectivity(failure, state)) {
            return new WorklineException(Problem.SERVER_UNREACHABLE,
                    "Cannot reach the Workline server at " + server.host() + ":" + server.port()
                            + ". Check your network connection, or ask IT whether the server is running.", failure);
        }
        return translate(failure);
    }

    /** For failures during work on an open connection. */
    public static WorklineException translate(Throwable failure) {
        if (failure instanceof WorklineException known) {
            return known;
        }
        if (find(failure, OptimisticLockException.class) != null || find(failure, StaleStateException.class) != null) {
            return new ConcurrentEditException("record.record");
        }
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        String message = sql == null ? String.valueOf(failure.getMessage()) : serverMessage(sql);
        if (state == null) {
            return new WorklineException(Problem.UNEXPECTED, "Something went wrong: " + failure.getMessage(), failure);
        }
        switch (state) {
            case "28P01":
                return new WorklineException(Problem.WRONG_CREDENTIALS,
                        "The server refused the sign-in: " + firstLine(message) + ".", failure);
            case "WL001":
                return new WorklineException(Problem.NO_MEMBERSHIP, message, failure);
            case "WL002":
            case "WL008":
            case "42501":
                return new WorklineException(Problem.NOT_ALLOWED,
                        state.equals("42501") ? "You are not allowed to do this." : message, failure);
            case "WL003":
                return new WorklineException(Problem.NOT_FOUND, message, failure);
            case "WL004":
            case "WL009":
            case "23505":
                return new WorklineException(Problem.ALREADY_EXISTS,
                        state.equals("23505") ? "This already exists." : message, failure);
            case "WL005":
                return new WorklineException(Problem.LAST_OWNER, message, failure);
            case "WL006":
            case "WL007":
            case "23514":
            case "22001":
            case "22P02":
                return new WorklineException(Problem.INVALID_INPUT,
                        state.startsWith("WL") ? message : "A value is not valid: " + firstLine(message), failure);
            case "55P03":
                return new WorklineException(Problem.CONFLICT,
                        "Someone else is holding the same data and did not let go in time. Please try again.", failure);
            case "57014":
                return new WorklineException(Problem.CONFLICT,
                        "The server stopped this request because it took too long. Please try again or narrow it down.", failure);
            case "53300":
                return new WorklineException(Problem.CONNECTION_LOST,
                        "Your account has too many open connections to the server. Close other Workline windows and try again.", failure);
            case "40001":
            case "40P01":
                return new WorklineException(Problem.CONFLICT,
                        "Someone else was changing the same data at the same moment. Please try again.", failure);
            default:
                if (isConnectivity(failure, state)) {
                    return new WorklineException(Problem.CONNECTION_LOST,
                            "The connection to the server was lost. Your changes are kept; try again when the server is back.",
                            failure);
                }
                return new WorklineException(Problem.UNEXPECTED, "The server reported an error: " + firstLine(message), failure);
        }
    }

    private static boolean isConnectivity(Throwable failure, String state) {
        return (state != null && state.startsWith("08"))
                || find(failure, ConnectException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, NoRouteToHostException.class) != null
                || find(failure, SocketTimeoutException.class) != null;
    }

    private static String serverMessage(SQLException sql) {
        if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return String.valueOf(sql.getMessage());
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && type.isInstance(sql.getNextException())) {
                return type.cast(sql.getNextException());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
