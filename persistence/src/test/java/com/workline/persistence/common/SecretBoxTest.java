package com.workline.persistence.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class SecretBoxTest {
    private static final String CONTEXT = "smtp.password:person-1";

    @Test
    void sealsAndOpensWithTheKeyInTheFolderAcrossInstances(@TempDir Path home) {
        Path folder = home.resolve("workline");
        String sealed = SecretBox.inFolder(folder).sealChars("G3h\u00e9im!".toCharArray(), CONTEXT);

        assertThat(sealed).startsWith("v1.").doesNotContain("G3h");
        assertThat(SecretBox.inFolder(folder).openChars(sealed, CONTEXT)).containsExactly("G3h\u00e9im!".toCharArray());
        assertThat(SecretBox.inFolder(folder).seal(new byte[] {1, 2}, CONTEXT)).isNotEqualTo(
                SecretBox.inFolder(folder).seal(new byte[] {1, 2}, CONTEXT));
        assertThat(folder.resolve(SecretBox.KEY_FILE)).hasSize(32);
    }

    @Test
    void theKeyFileIsTheOwnersAlone(@TempDir Path home) throws Exception {
        assumeThat(Files.getFileAttributeView(home, PosixFileAttributeView.class)).isNotNull();
        Path folder = home.resolve("workline");
        SecretBox.inFolder(folder);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(SecretBox.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");

        Files.setPosixFilePermissions(folder.resolve(SecretBox.KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        SecretBox.inFolder(folder);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(SecretBox.KEY_FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void anotherInstallationsKeyIsToldApartFromDamage(@TempDir Path home) {
        String sealed = SecretBox.inFolder(home.resolve("one")).seal("secret".getBytes(StandardCharsets.UTF_8), CONTEXT);

        assertThatThrownBy(() -> SecretBox.inFolder(home.resolve("two")).open(sealed, CONTEXT))
                .isInstanceOfSatisfying(WorklineException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.SECRET_UNREADABLE);
                    assertThat(e.text().key()).isEqualTo("secret.otherKey");
                });
    }

    @Test
    void aChangedValueOrAnotherContextDoesNotOpen(@TempDir Path home) {
        SecretBox box = SecretBox.inFolder(home);
        String sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), CONTEXT);
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        for (String[] attempt : new String[][] {{tampered, CONTEXT}, {sealed, "smtp.password:person-2"},
                {"v1.!!", CONTEXT}, {"v1.AAAA", CONTEXT}, {"plain text", CONTEXT}}) {
            assertThatThrownBy(() -> box.open(attempt[0], attempt[1]))
                    .isInstanceOfSatisfying(WorklineException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.SECRET_UNREADABLE);
                        assertThat(e.text().key()).isEqualTo("secret.damaged");
                    });
        }
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefused(@TempDir Path home) throws Exception {
        Files.write(home.resolve(SecretBox.KEY_FILE), new byte[7]);

        assertThatThrownBy(() -> SecretBox.inFolder(home))
                .isInstanceOfSatisfying(WorklineException.class, e -> assertThat(e.text().key()).isEqualTo("secret.keyDamaged"));
    }
}
