package com.workline.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationResolverTest {
    @Test
    void flagsBeatEnvironmentBeatUserFileBeatSystemFile(@TempDir Path dir) throws Exception {
        Path system = dir.resolve("system.properties");
        Path user = dir.resolve("user.properties");
        Files.writeString(system, "server.url=jdbc:postgresql://system/wl\nrole-prefix=sys\ndata-dir=/system\n");
        Files.writeString(user, "server.url=jdbc:postgresql://user/wl\nrole-prefix=usr\n");
        Map<String, String> env = Map.of("WORKLINE_SERVER_URL", "jdbc:postgresql://env/wl");

        ConfigurationResolver onlyFiles = new ConfigurationResolver(Map.of(), k -> null, user, system);
        assertThat(onlyFiles.value("server.url")).contains("jdbc:postgresql://user/wl");
        assertThat(onlyFiles.value("data-dir")).contains("/system");

        ConfigurationResolver withEnv = new ConfigurationResolver(Map.of(), env::get, user, system);
        assertThat(withEnv.value("server.url")).contains("jdbc:postgresql://env/wl");
        assertThat(withEnv.value("role-prefix")).contains("usr");

        ConfigurationResolver withFlag = new ConfigurationResolver(Map.of("server.url", "jdbc:postgresql://flag:6000/wl"),
                env::get, user, system);
        ClientConfiguration resolved = withFlag.resolve(false);
        assertThat(resolved.server().host()).isEqualTo("flag");
        assertThat(resolved.server().port()).isEqualTo(6000);
        assertThat(resolved.roles().prefix()).isEqualTo("usr");
        assertThat(resolved.dataFolder()).isEqualTo(Path.of("/system"));
    }

    @Test
    void nothingConfiguredMeansTheEmbeddedDatabase(@TempDir Path dir) {
        ClientConfiguration resolved = new ConfigurationResolver(Map.of(), k -> null, dir.resolve("none"), dir.resolve("none2"))
                .resolve(true);
        assertThat(resolved.embedded()).isTrue();
        assertThat(resolved.demo()).isTrue();
        assertThat(resolved.roles().prefix()).isEqualTo("wl");
    }

    @Test
    void demoNeedsTheEmbeddedDatabase(@TempDir Path dir) {
        assertThatThrownBy(() -> new ConfigurationResolver(Map.of("server.url", "jdbc:postgresql://db/wl"), k -> null,
                dir.resolve("a"), dir.resolve("b")).resolve(true))
                .hasMessageContaining("--demo works only with the embedded database");
    }

    @Test
    void aSettingItLocksComesFromTheSystemFileWhateverTheUserSays(@TempDir Path dir) throws Exception {
        Path system = dir.resolve("system.properties");
        Path user = dir.resolve("user.properties");
        Files.writeString(system, "server.url=jdbc:postgresql://db.acme.example/workline\nrole-prefix=sys\n"
                + "locked = server.url, data-dir\n");
        Files.writeString(user, "server.url=jdbc:postgresql://elsewhere/wl\nrole-prefix=usr\ndata-dir=/mine\n");
        Map<String, String> env = Map.of("WORKLINE_SERVER_URL", "jdbc:postgresql://env/wl", "WORKLINE_DATA_DIR", "/env");

        ConfigurationResolver resolver = new ConfigurationResolver(Map.of("server.url", "jdbc:postgresql://flag/wl"),
                env::get, user, system);
        ClientConfiguration resolved = resolver.resolve(false);
        assertThat(resolved.server().host()).as("locked: only the system file").isEqualTo("db.acme.example");
        assertThat(resolved.roles().prefix()).as("not locked: the user's file wins").isEqualTo("usr");
        assertThat(resolved.dataFolder()).as("locked and left out by IT: the built-in default")
                .isEqualTo(com.workline.app.embedded.DataFolders.userDataFolder());
        assertThat(resolver.locked()).containsExactlyInAnyOrder("server.url", "data-dir");
        assertThat(resolved.serverLocked()).as("the sign-in window offers no other server").isTrue();
        assertThat(resolver.setAside()).hasSize(5).allSatisfy(n -> assertThat(n).contains("is ignored: it is locked by " + system))
                .anySatisfy(n -> assertThat(n).startsWith("The setting server.url from the command-line flag"))
                .anySatisfy(n -> assertThat(n).startsWith("The setting data-dir from the environment variable WORKLINE_DATA_DIR"))
                .anySatisfy(n -> assertThat(n).startsWith("The setting data-dir from the per-user file"));
        assertThatThrownBy(() -> resolver.resolve(true)).as("a locked company server allows no demo")
                .hasMessageContaining("--demo works only with the embedded database");
    }

    @Test
    void withoutLocksNothingIsSetAside(@TempDir Path dir) throws Exception {
        Path system = dir.resolve("system.properties");
        Files.writeString(system, "server.url=jdbc:postgresql://db/wl\n");
        ConfigurationResolver resolver = new ConfigurationResolver(Map.of("server.url", "jdbc:postgresql://flag/wl"), k -> null,
                dir.resolve("none"), system);
        assertThat(resolver.value("server.url")).contains("jdbc:postgresql://flag/wl");
        assertThat(resolver.setAside()).isEmpty();
        assertThat(resolver.locked()).isEmpty();
        assertThat(resolver.resolve(false).serverLocked()).isFalse();
    }
}
