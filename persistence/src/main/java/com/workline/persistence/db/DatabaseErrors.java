package com.workline.persistence.db;

import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.Text;
import com.workline.persistence.common.WorklineException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns driver and Hibernate failures into {@link WorklineException}s with words a user understands. */
public final class DatabaseErrors {
    /** The sentences of the migrations' RAISE EXCEPTION ... USING ERRCODE = 'WL00n', each with its key. */
    private static final Map<String, String> SERVER_SENTENCES = Map.ofEntries(
            Map.entry("No organization is selected, or you are not an active member of it.", "session.noOrganization"),
            Map.entry("Your account is not active.", "session.accountNotActive"),
            Map.entry("Only owners and administrators can manage people.", "admin.people.ownersAndAdminsOnly"),
            Map.entry("Only owners can make someone an owner.", "admin.people.onlyOwnersMakeOwners"),
            Map.entry("Only owners can change an owner.", "admin.people.onlyOwnersChangeOwners"),
            Map.entry("This person also works for another organization; they must reset their password themselves or ask "
                    + "an administrator of every organization they belong to.", "admin.people.passwordResetOtherOrganizations"),
            Map.entry("This person also belongs to another organization; they must reset their password themselves or ask IT.",
                    "admin.people.passwordResetElsewhere"),
            Map.entry("Viewers cannot issue documents.", "numbering.viewersCannotIssue"),
            Map.entry("Only managers, administrators and owners can delete or restore records.", "crm.record.deleteNotAllowed"),
            Map.entry("A customer keeps the number it was given.", "crm.customer.numberFixed"),
            Map.entry("This person is not a member of the organization.", "admin.people.notMember"),
            Map.entry("This person is already a member of the organization.", "admin.people.alreadyMember"),
            Map.entry("This e-mail address already has a Workline account. Ask your IT department to add it to your "
                    + "organization.", "admin.people.emailHasAccount"),
            Map.entry("An organization needs at least one active owner.", "admin.people.lastOwner"),
            Map.entry("Passwords must be sent as SCRAM-SHA-256 verifiers computed by the client.",
                    "admin.people.passwordNotVerifier"),
            Map.entry("This person has no Workline account yet: enter an initial password.",
                    "admin.people.initialPasswordRequired"),
            Map.entry("You cannot deactivate your own account.", "admin.people.cannotDeactivateSelf"),
            Map.entry("A new quote starts as a draft without a number.", "quoting.quote.startsAsDraft"),
            Map.entry("Only drafts can be changed; a sent quote can be revised or cancelled.", "quoting.quote.onlyDrafts"),
            Map.entry("The status and number of a quote change only through its actions.", "quoting.quote.statusThroughActions"),
            Map.entry("A quote keeps the number it was given.", "quoting.quote.numberFixed"),
            Map.entry("This quote does not exist (any more).", "quoting.quote.notFound"),
            Map.entry("Viewers cannot change quotes.", "quoting.quote.viewersCannotChange"),
            Map.entry("This action is not possible in the quote's current status.", "quoting.quote.transitionNotAllowed"),
            Map.entry("Only managers, administrators and owners can accept quotes above the organization's limit.",
                    "quoting.quote.acceptanceLimit"),
            Map.entry("A rejection needs a reason.", "quoting.quote.rejectionReasonRequired"),
            Map.entry("A quote can be e-mailed once it has a number: send the draft first.", "quoting.mail.draftHasNoNumber"),
            Map.entry("Only managers, administrators and owners change how time is billed.",
                    "projects.customer.roundingByManagers"),
            Map.entry("A project keeps the number it was given.", "projects.project.numberFixed"),
            Map.entry("A project is linked to its quote only when it is created from it.", "projects.project.quoteLinkFixed"),
            Map.entry("Only managers and the project's manager change its budget, billing and customer.",
                    "projects.project.termsByManagers"),
            Map.entry("Only managers and the project's manager change its status, dates, budget, billing and customer.",
                    "projects.project.statusAndTermsByManagers"),
            Map.entry("A project is made from an accepted quote.", "projects.project.quoteNotAccepted"),
            Map.entry("This quote already has its project.", "projects.project.quoteHasProject"),
            Map.entry("Time is recorded as a draft; rates, amounts and status are set by Workline.", "projects.time.setByWorkline"),
            Map.entry("Invoiced time cannot be changed.", "projects.time.invoicedLocked"),
            Map.entry("Submitted and approved time is locked for you; ask a manager to reject the week to change it.",
                    "projects.time.lockedForYou"),
            Map.entry("Time on or before the organization's lock date cannot be changed.", "projects.time.lockDate"),
            Map.entry("This project takes no time: it is on hold, completed or cancelled.", "projects.time.projectClosed"),
            Map.entry("This booking would take the project over its budget.", "projects.time.overBudget"),
            Map.entry("Your role does not allow this with time.", "projects.time.roleNotAllowed"),
            Map.entry("This time entry does not exist (any more).", "projects.time.notFound"),
            Map.entry("Your own time is approved by someone else.", "projects.approval.notOwnTime"),
            Map.entry("Only managers and project managers approve time.", "projects.approval.managersOnly"),
            Map.entry("A timer starts now; record time already spent with its start and end.", "projects.time.timerStartsNow"),
            Map.entry("Submitted and approved time keeps its person; reject the week to change whose time it is.",
                    "projects.time.personFixed"),
            Map.entry("Bookings on a project that refuses time over budget need the READ COMMITTED isolation level.",
                    "projects.time.budgetNeedsReadCommitted"),
            Map.entry("A task stays in its project.", "projects.task.staysInProject"));
    private static final Pattern UNKNOWN_ROLE = Pattern.compile("Unknown role \"(.*)\"\\.");

    private DatabaseErrors() {
    }

    /** For failures while opening a connection (sign-in, admin commands). */
    public static WorklineException connecting(Throwable failure, ServerAddress server) {
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        String message = sql == null ? String.valueOf(failure.getMessage()) : String.valueOf(sql.getMessage());
        WorklineException tls = tlsFailure(failure, state, message, server);
        if (tls != null) {
            return tls;
        }
        WorklineException pooler = poolerRefusal(failure, state, sql == null ? message : serverMessage(sql), server);
        if (pooler != null) {
            return pooler;
        }
        if ("28P01".equals(state)) {
            return new WorklineException(Problem.WRONG_CREDENTIALS, Text.of("signin.wrongCredentials"), failure);
        }
        if ("28000".equals(state) && message.contains("not permitted to log in")) {
            return new WorklineException(Problem.ACCOUNT_DEACTIVATED, Text.of("signin.accountDeactivated"), failure);
        }
        if ("28000".equals(state)) {
            return new WorklineException(Problem.SERVER_REFUSED,
                    Text.of("db.serverRefused", server.display(), firstLine(message)), failure);
        }
        if ("3D000".equals(state)) {
            return new WorklineException(Problem.SERVER_NOT_INITIALISED,
                    Text.of("db.databaseMissing", server.database(), server.host()), failure);
        }
        if (isConnectivity(failure, state)) {
            return new WorklineException(Problem.SERVER_UNREACHABLE,
                    Text.of("db.unreachable", server.host(), String.valueOf(server.port())), failure);
        }
        return translate(failure);
    }

    /**
     * TLS failures while connecting, told apart by the driver's exception types (its messages are translated into the
     * computer's language) and named for the person and IT: never "cannot reach", the server answered.
     */
    private static WorklineException tlsFailure(Throwable failure, String state, String message, ServerAddress server) {
        String rootCertificate = server.sslRootCert() == null ? "" : server.sslRootCert();
        if (find(failure, java.io.FileNotFoundException.class) != null && !rootCertificate.isEmpty()) {
            return new WorklineException(Problem.SERVER_TLS_FAILED,
                    Text.of("db.tls.caFileMissing", rootCertificate, server.host()), failure);
        }
        // pgjdbc checks the name after the handshake; the message names its verifier class in every language.
        Throwable wrongName = find(failure, java.security.cert.CertificateException.class);
        boolean nameMismatch = message.toLowerCase(java.util.Locale.ROOT).contains("hostnameverifier")
                || wrongName != null && String.valueOf(wrongName.getMessage()).startsWith("No subject alternative");
        if (nameMismatch) {
            return new WorklineException(Problem.SERVER_TLS_FAILED, Text.of("db.tls.wrongHost", server.host()), failure);
        }
        if (find(failure, java.security.cert.CertPathBuilderException.class) != null
                || find(failure, java.security.cert.CertPathValidatorException.class) != null) {
            return new WorklineException(Problem.SERVER_TLS_FAILED, rootCertificate.isEmpty()
                    ? Text.of("db.tls.unknownAuthorityDefault", server.host())
                    : Text.of("db.tls.unknownAuthority", server.host(), rootCertificate), failure);
        }
        if (find(failure, java.security.cert.CertificateExpiredException.class) != null
                || find(failure, java.security.cert.CertificateNotYetValidException.class) != null) {
            return new WorklineException(Problem.SERVER_TLS_FAILED, Text.of("db.tls.expired", server.host()), failure);
        }
        String sslMode = server.sslMode() == null ? "" : server.sslMode();
        if ("08004".equals(state) && message.contains("SSL") && sslMode.matches("require|verify-ca|verify-full")) {
            return new WorklineException(Problem.SERVER_TLS_FAILED, Text.of("db.tls.notOffered", server.display()), failure);
        }
        javax.net.ssl.SSLException handshake = find(failure, javax.net.ssl.SSLException.class);
        if (handshake != null) {
            return new WorklineException(Problem.SERVER_TLS_FAILED,
                    Text.of("db.tls.failed", server.display(), firstLine(String.valueOf(handshake.getMessage()))), failure);
        }
        return null;
    }

    /**
     * PgBouncer answers sign-in problems with its own sentences and the protocol-violation code 08P01 (1.18), which
     * would otherwise read as "cannot reach the server". Its sentences are English in every version.
     */
    private static WorklineException poolerRefusal(Throwable failure, String state, String message, ServerAddress server) {
        if (!"08P01".equals(state)) {
            return null;
        }
        if (message.startsWith("password authentication failed") || message.startsWith("no such user")
                || message.startsWith("SASL authentication failed")) {
            return new WorklineException(Problem.WRONG_CREDENTIALS, Text.of("signin.wrongCredentials"), failure);
        }
        // the server's refusal of a deactivated login, passed on by PgBouncer under its own code
        if (message.contains("is not permitted to log in")) {
            return new WorklineException(Problem.ACCOUNT_DEACTIVATED, Text.of("signin.accountDeactivated"), failure);
        }
        if (message.startsWith("no more connections allowed") || message.contains("pool_size")) {
            return new WorklineException(Problem.SERVER_REFUSED, Text.of("db.pooler.full", server.display()), failure);
        }
        if (message.startsWith("unsupported startup parameter")) {
            return new WorklineException(Problem.SERVER_REFUSED,
                    Text.of("db.pooler.startupParameter", server.display(), firstLine(message)), failure);
        }
        if (message.startsWith("server login has been failing") || message.contains("cannot connect to server")
                || message.startsWith("no such database") || message.startsWith("pgbouncer cannot connect")) {
            return new WorklineException(Problem.SERVER_REFUSED,
                    Text.of("db.pooler.serverLogin", server.display(), firstLine(message)), failure);
        }
        return null;
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
            return new WorklineException(Problem.UNEXPECTED, Text.of("db.unexpected", String.valueOf(failure.getMessage())),
                    failure);
        }
        switch (state) {
            case "28P01":
                return new WorklineException(Problem.WRONG_CREDENTIALS, Text.of("signin.refused", firstLine(message)), failure);
            case "WL001":
                return new WorklineException(Problem.NO_MEMBERSHIP, workline(state, message), failure);
            case "WL002":
            case "WL008":
                return new WorklineException(Problem.NOT_ALLOWED, workline(state, message), failure);
            case "42501":
                return new WorklineException(Problem.NOT_ALLOWED, Text.of("db.notAllowed"), failure);
            case "WL003":
                return new WorklineException(Problem.NOT_FOUND, workline(state, message), failure);
            case "WL004":
            case "WL009":
                return new WorklineException(Problem.ALREADY_EXISTS, workline(state, message), failure);
            case "23505":
                return new WorklineException(Problem.ALREADY_EXISTS, Text.of("db.alreadyExists"), failure);
            case "WL005":
                return new WorklineException(Problem.LAST_OWNER, workline(state, message), failure);
            case "WL006":
            case "WL007":
                return new WorklineException(Problem.INVALID_INPUT, workline(state, message), failure);
            case "23514":
            case "23P01":
            case "22001":
            case "22P02":
                return new WorklineException(Problem.INVALID_INPUT, Text.of("db.invalidValue", firstLine(message)), failure);
            case "55P03":
                return new WorklineException(Problem.CONFLICT, Text.of("db.lockTimeout"), failure);
            case "57014":
                return new WorklineException(Problem.CONFLICT, Text.of("db.statementTimeout"), failure);
            case "53300":
                return new WorklineException(Problem.CONNECTION_LOST, Text.of("db.tooManyConnections"), failure);
            case "26000":
            case "42P05":
                // a named prepared statement lost or duplicated: a transaction pooler that does not keep them (PgBouncer < 1.21)
                return new WorklineException(Problem.SERVER_REFUSED, Text.of("db.pooler.preparedStatements"), failure);
            case "40001":
            case "40P01":
                return new WorklineException(Problem.CONFLICT, Text.of("db.concurrentChange"), failure);
            default:
                if (isConnectivity(failure, state)) {
                    return new WorklineException(Problem.CONNECTION_LOST, Text.of("db.connectionLost"), failure);
                }
                return new WorklineException(Problem.UNEXPECTED, Text.of("db.serverError", firstLine(message)), failure);
        }
    }

    /**
     * The key for a sentence our SQL functions raise with a Workline code (see the migrations): each known sentence has
     * its own key; an unknown one (a newer server) gets the code's general meaning.
     */
    static Text workline(String state, String serverMessage) {
        String key = SERVER_SENTENCES.get(serverMessage);
        if (key != null) {
            return Text.of(key);
        }
        // A batch reports the sentence inside its own ("Batch entry 0 ... was aborted: ERROR: <sentence> ...").
        for (Map.Entry<String, String> sentence : SERVER_SENTENCES.entrySet()) {
            if (serverMessage.contains(sentence.getKey())) {
                return Text.of(sentence.getValue());
            }
        }
        Matcher role = UNKNOWN_ROLE.matcher(serverMessage);
        if (role.find()) {
            return Text.of("admin.people.unknownRole", role.group(1));
        }
        return Text.of(switch (state) {
            case "WL001" -> "session.noOrganization";
            case "WL003" -> "db.notFound";
            case "WL004", "WL009" -> "db.alreadyExists";
            case "WL005" -> "admin.people.lastOwner";
            case "WL006", "WL007" -> "db.invalid";
            default -> "db.notAllowed";
        });
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
