package com.workline.app;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening the window skips the admin commands' model; everything else gets the full command line. */
class MainCommandLineTest {

    @Test
    void onlyTheDesktopOptionsOpenTheWindowWithoutTheAdminCommands() {
        assertThat(Main.opensWindowOnly(new String[0])).isTrue();
        assertThat(Main.opensWindowOnly(new String[] {"--demo", "--data-dir", "/tmp/x"})).isTrue();
        assertThat(Main.opensWindowOnly(new String[] {"--server-url=jdbc:postgresql://db/workline"})).isTrue();

        assertThat(Main.opensWindowOnly(new String[] {"admin", "version"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"help"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"--help"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"-V"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"admn"})).isFalse();
        assertThat(Main.opensWindowOnly(new String[] {"--demo", "--data-dir"})).isFalse();
    }

    @Test
    void theFullCommandLineStillListsAndSuggestsTheAdminCommands() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = Environment.of(Map.of());
        assertThat(Main.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true)).execute("--help"))
                .isZero();
        assertThat(out.toString()).contains("admin").contains("help");

        assertThat(Main.commandLine(environment, new PrintWriter(out, true), new PrintWriter(err, true)).execute("admn"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: workline admin");
    }
}
