package com.workline.persistence.admin;

import com.workline.persistence.common.ConcurrentEditException;
import com.workline.persistence.common.Problem;
import com.workline.persistence.common.SecretBox;
import com.workline.persistence.common.ValidationException;
import com.workline.persistence.common.WorklineException;
import com.workline.persistence.mail.SmtpSettings;
import com.workline.persistence.session.Role;
import com.workline.persistence.session.TenantSession;
import com.workline.persistence.testing.Sql;
import com.workline.persistence.testing.TestDatabase;
import com.workline.persistence.testing.TestPerson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person's own SMTP settings against the real database: only the person sees or changes the row (colleagues, the
 * organization's admins and owners and other organizations' people neither through the service nor with plain SQL), the
 * password is stored sealed and opens only with the person's key, and the audit log keeps nothing of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailSettingsTest {
    private static final String SECRET = "Sup3r-G3h\u00e9im!";

    private final TestDatabase db = TestDatabase.get();
    private UUID orgA;
    private UUID orgB;
    private TestPerson anna;
    private TestPerson colleague;
    private TestPerson adminA;
    private TestPerson ownerA;
    private TestPerson adminB;
    private TenantSession annaSession;
    private TenantSession adminSession;

    @TempDir
    Path home;

    @BeforeAll
    void people() {
        orgA = db.newOrganization("Mail A");
        orgB = db.newOrganization("Mail B");
        anna = db.newPerson(orgA, Role.EMPLOYEE);
        colleague = db.newPerson(orgA, Role.EMPLOYEE);
        adminA = db.newPerson(orgA, Role.ADMIN);
        ownerA = db.newPerson(orgA, Role.OWNER);
        adminB = db.newPerson(orgB, Role.ADMIN);
        annaSession = db.signInTo(anna, orgA);
        adminSession = db.signInTo(adminA, orgA);
    }

    @AfterAll
    void close() {
        annaSession.person().close();
        adminSession.person().close();
    }

    private MailSettingsService annas(Path keys) {
        return Administration.of(annaSession).mailSettings(keys);
    }

    private static MailSettings typed(String host, String username, int version) {
        return new MailSettings(host, 587, SmtpSettings.Security.STARTTLS, username, "anna@firma.example",
                "Anna M\u00fcller", false, version);
    }

    /** Anna's settings, freshly saved with the secret (replacing any earlier ones). */
    private MailSettings annaSaves(Path keys, String host) {
        MailSettingsService service = annas(keys);
        service.delete();
        return service.save(typed(host, "anna", MailSettings.NOT_STORED), SECRET.toCharArray());
    }

    private String rowOf(TestPerson person) throws SQLException {
        return String.valueOf(Sql.value(db.superuser(), "SELECT t::text FROM app.smtp_settings t WHERE user_id = ?",
                person.userId()));
    }

    @Test
    @DisplayName("saved, loaded and opened for sending by the person; the password is kept when the field stays empty")
    void ownSettingsRoundTrip() {
        MailSettings saved = annaSaves(home, "smtp.firma.example");
        assertThat(saved.passwordStored()).isTrue();
        assertThat(saved.stored()).isTrue();
        assertThat(annas(home).load()).contains(saved);

        MailSettings renamed = annas(home).save(new MailSettings("mail.firma.example", 465, SmtpSettings.Security.SSL_TLS,
                "anna.m", "anna@firma.example", null, true, saved.version()), new char[0]);
        assertThat(renamed.host()).isEqualTo("mail.firma.example");
        assertThat(renamed.version()).isEqualTo(saved.version() + 1);
        SmtpSettings sending = annas(home).forSending().orElseThrow();
        assertThat(sending.password()).containsExactly(SECRET.toCharArray());
        assertThat(sending.username()).isEqualTo("anna.m");
        assertThat(sending.fromName()).isNull();
        sending.clearPassword();

        // A relay without signing in keeps no password at all.
        MailSettings relay = annas(home).save(new MailSettings("relay.intern", 25, SmtpSettings.Security.NONE, "",
                "anna@firma.example", "Anna", true, renamed.version()), new char[0]);
        assertThat(relay.passwordStored()).isFalse();
        assertThat(relay.username()).isNull();
        assertThat(annas(home).forSending().orElseThrow().signsIn()).isFalse();

        annas(home).delete();
        assertThat(annas(home).load()).isEmpty();
        assertThat(annas(home).forSending()).isEmpty();
    }

    @Test
    @DisplayName("the database holds only the sealed password, which opens only with the person's key and id")
    void passwordStoredSealed() throws SQLException {
        annaSaves(home, "smtp.sealed.example");
        String sealed = (String) Sql.value(db.superuser(), "SELECT password_sealed FROM app.smtp_settings WHERE user_id = ?",
                anna.userId());
        assertThat(sealed).startsWith("v1.").doesNotContain(SECRET).doesNotContain("G3h");
        assertThat(rowOf(anna)).doesNotContain(SECRET);
        assertThat(SecretBox.inFolder(home).openChars(sealed, "smtp.password:" + anna.userId()))
                .containsExactly(SECRET.toCharArray());
        // The same value in another person's row does not open, even on the same computer.
        assertThatThrownBy(() -> SecretBox.inFolder(home).openChars(sealed, "smtp.password:" + colleague.userId()))
                .isInstanceOf(WorklineException.class).extracting(e -> ((WorklineException) e).problem())
                .isEqualTo(Problem.SECRET_UNREADABLE);
        // A client that skips sealing is refused by the table.
        try (Connection c = db.connectAs(anna)) {
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.smtp_settings SET password_sealed = ? WHERE user_id = ?",
                    SECRET, anna.userId())).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
            assertThatThrownBy(() -> Sql.update(c, "UPDATE app.smtp_settings SET password_sealed = 'v1.short' WHERE user_id = ?",
                    anna.userId())).isInstanceOf(SQLException.class);
        }
    }

    @Test
    @DisplayName("on another computer (another key) the stored password must be entered again")
    void otherComputer(@TempDir Path otherComputer) {
        MailSettings saved = annaSaves(home, "smtp.moved.example");
        assertThatThrownBy(() -> annas(otherComputer).forSending()).isInstanceOf(WorklineException.class)
                .extracting(e -> ((WorklineException) e).text().key()).isEqualTo("secret.otherKey");
        assertThatThrownBy(() -> annas(otherComputer).save(saved, new char[0])).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldTexts().get("password").key())
                        .isEqualTo("secret.otherKey"));
        MailSettings again = annas(otherComputer).save(saved, "new-password".toCharArray());
        assertThat(annas(otherComputer).forSending().orElseThrow().password()).containsExactly("new-password".toCharArray());
        assertThat(again.version()).isEqualTo(saved.version() + 1);
    }

    @Test
    @DisplayName("field errors by name; a user name without any stored password needs one")
    void validation() {
        annas(home).delete();
        assertThatThrownBy(() -> annas(home).save(new MailSettings("", 0, null, "anna", "not an address", null, false,
                MailSettings.NOT_STORED), new char[0])).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldTexts())
                        .containsKeys("host", "port", "security", "password", "fromAddress"));
        assertThat(annas(home).load()).isEmpty();
    }

    @Test
    @DisplayName("two saves of the same version: the second is a conflict and changes nothing")
    void concurrentSaves() {
        MailSettings loaded = annaSaves(home, "smtp.first.example");
        annas(home).save(typed("smtp.second.example", "anna", loaded.version()), new char[0]);
        assertThatThrownBy(() -> annas(home).save(typed("smtp.third.example", "anna", loaded.version()), new char[0]))
                .isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> annas(home).save(typed("smtp.fourth.example", "anna", MailSettings.NOT_STORED),
                SECRET.toCharArray())).as("a first save when there are settings already").isInstanceOf(ConcurrentEditException.class);
        assertThat(annas(home).load().orElseThrow().host()).isEqualTo("smtp.second.example");
    }

    @Test
    @DisplayName("colleagues, the organization's admin and owner and another organization's admin see nothing of it")
    void othersSeeNothing(@TempDir Path theirKeys) throws SQLException {
        annaSaves(home, "smtp.private.example");
        MailSettingsService admins = Administration.of(adminSession).mailSettings(theirKeys);
        admins.delete();
        assertThat(annas(home).load()).isPresent();
        assertThat(admins.load()).isEmpty();
        assertThat(admins.forSending()).isEmpty();
        for (TestPerson other : List.of(colleague, adminA, ownerA, adminB)) {
            try (Connection c = db.connectAs(other)) {
                for (UUID tenant : List.of(orgA, orgB)) {
                    Sql.selectTenantForSession(c, tenant);
                    assertThat(Sql.count(c, "SELECT count(*) FROM app.smtp_settings WHERE user_id <> ?", other.userId()))
                            .as(other.email()).isZero();
                    assertThat(Sql.count(c, "SELECT count(*) FROM app.smtp_settings WHERE user_id = ?", anna.userId())).isZero();
                    assertThat(Sql.count(c, "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.smtp_settings'"
                            + " OR new_data::text LIKE '%smtp.private.example%'")).isZero();
                }
            }
        }
    }

    @Test
    @DisplayName("nobody else changes, deletes, replaces or takes over the person's row with plain SQL")
    void othersCannotWrite() throws SQLException {
        annaSaves(home, "smtp.mine.example");
        String before = rowOf(anna);
        String sealed = SecretBox.inFolder(home).sealChars("x".toCharArray(), "smtp.password:" + anna.userId());
        for (TestPerson other : List.of(colleague, adminA, ownerA, adminB)) {
            try (Connection c = db.connectAs(other)) {
                Sql.selectTenantForSession(c, orgA);
                assertThat(Sql.update(c, "UPDATE app.smtp_settings SET host = 'evil.example' WHERE user_id = ?", anna.userId()))
                        .isZero();
                assertThat(Sql.update(c, "DELETE FROM app.smtp_settings WHERE user_id = ?", anna.userId())).isZero();
                String insert = "INSERT INTO app.smtp_settings (user_id, host, port, security, username, password_sealed, "
                        + "from_address) VALUES (?, 'evil.example', 25, 'none', 'eve', ?, 'eve@evil.example')";
                assertThatThrownBy(() -> Sql.update(c, insert, anna.userId(), sealed)).as(other.email())
                        .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
                assertThatThrownBy(() -> Sql.update(c, insert + " ON CONFLICT (user_id) DO UPDATE SET host = 'evil.example'",
                        anna.userId(), sealed)).isInstanceOf(SQLException.class);
                // The refusal is the same whether or not the person has settings: it reveals nothing.
                String forAnna = error(c, insert, anna.userId(), sealed);
                String forNobody = error(c, insert, UUID.randomUUID(), sealed);
                assertThat(forAnna.replace(anna.userId().toString(), "<id>")).isEqualTo(forNobody.replaceAll(
                        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"));
                // Nor can one's own row be moved onto the person.
                Sql.update(c, "INSERT INTO app.smtp_settings (host, port, security, from_address) "
                        + "VALUES ('own.example', 25, 'none', 'own@own.example') ON CONFLICT (user_id) DO NOTHING");
                assertThat(Sql.count(c, "SELECT count(*) FROM app.smtp_settings")).as("their own row only").isOne();
                assertThatThrownBy(() -> Sql.update(c, "UPDATE app.smtp_settings SET user_id = ? WHERE user_id = ?",
                        anna.userId(), other.userId())).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            }
        }
        assertThat(rowOf(anna)).isEqualTo(before);
    }

    private static String error(Connection c, String sql, Object... parameters) {
        try {
            Sql.update(c, sql, parameters);
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    @Test
    @DisplayName("the audit log records nothing of the settings, not even for a superuser")
    void notAudited() throws SQLException {
        MailSettings saved = annaSaves(home, "smtp.unaudited.example");
        annas(home).save(typed("smtp.unaudited2.example", "anna", saved.version()), new char[0]);
        annas(home).delete();
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM audit.audit_log WHERE table_name = 'app.smtp_settings'"
                + " OR row_id = ? OR coalesce(old_data::text, '') || coalesce(new_data::text, '') LIKE '%smtp.unaudited%'",
                anna.userId())).isZero();
        assertThat(Sql.count(db.superuser(), "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'app.smtp_settings'::regclass"
                + " AND tgfoid = 'audit.record_change()'::regprocedure")).isZero();
    }

    @Test
    @DisplayName("the settings are the person's in every organization: B's session of the same person sees them")
    void followThePerson(@TempDir Path keys) {
        TestPerson both = db.newPerson(orgA, Role.VIEWER);
        db.provisioning().addPerson(orgB, new NewPerson(both.email(), "Test", "Both", Role.EMPLOYEE, null));
        TenantSession inA = db.signInTo(both, orgA);
        try {
            Administration.of(inA).mailSettings(keys).save(new MailSettings("smtp.both.example", 587,
                    SmtpSettings.Security.STARTTLS, null, "both@firma.example", null, false, MailSettings.NOT_STORED), null);
            TenantSession inB = inA.person().choose(orgB);
            assertThat(Administration.of(inB).mailSettings(keys).load().orElseThrow().host()).isEqualTo("smtp.both.example");
        } finally {
            inA.person().close();
        }
    }
}
