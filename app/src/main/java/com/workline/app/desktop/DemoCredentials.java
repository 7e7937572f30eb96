package com.workline.app.desktop;

import com.workline.persistence.tenancy.CompanySetup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The demo people's passwords, generated once and kept in the data folder, readable by the user only:
 * the demo signs in without a prompt, and the passwords are still real SCRAM passwords on the server.
 */
final class DemoCredentials {
    private final Path file;

    DemoCredentials(Path dataFolder) {
        this.file = dataFolder.resolve("demo-credentials.properties");
    }

    boolean exist() {
        return Files.isReadable(file);
    }

    /** The stored passwords, or new ones (stored) when there are none yet. */
    Map<String, char[]> loadOrCreate() {
        Properties properties = new Properties();
        if (exist()) {
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean changed = false;
        SecureRandom random = new SecureRandom();
        for (CompanySetup.DemoPerson person : CompanySetup.DEMO_PEOPLE) {
            if (properties.getProperty(person.email()) == null) {
                byte[] bytes = new byte[15];
                random.nextBytes(bytes);
                properties.setProperty(person.email(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                changed = true;
            }
        }
        if (changed) {
            store(properties);
        }
        Map<String, char[]> result = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(email -> result.put(email, properties.getProperty(email).toCharArray()));
        return result;
    }

    private void store(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Workline demo company: generated passwords of the demo people");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
