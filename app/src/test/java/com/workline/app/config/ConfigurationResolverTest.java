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
}
