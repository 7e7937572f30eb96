package com.workline.app.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataFoldersTest {
    @Test
    void osStandardFolders() {
        assertThat(DataFolders.userDataFolder(Map.of(), "Linux", "/home/anna", false))
                .isEqualTo(Path.of("/home/anna/.local/share/workline"));
        assertThat(DataFolders.userDataFolder(Map.of("XDG_DATA_HOME", "/data/anna"), "Linux", "/home/anna", false))
                .isEqualTo(Path.of("/data/anna/workline"));
        assertThat(DataFolders.userDataFolder(Map.of(), "Linux", "/root", true)).isEqualTo(Path.of("/var/lib/workline"));
        assertThat(DataFolders.userDataFolder(Map.of(), "Mac OS X", "/Users/anna", false))
                .isEqualTo(Path.of("/Users/anna/Library/Application Support/Workline"));
        assertThat(DataFolders.userDataFolder(Map.of("LOCALAPPDATA", "C:\\Users\\anna\\AppData\\Local"), "Windows 11", "C:\\Users\\anna", false).toString())
                .endsWith("Workline");
    }
}
