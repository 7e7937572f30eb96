package com.workline.persistence.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private certificate authority and server certificates made with the {@code openssl} command line, as IT would
 * make them (docs/company-server.md): PEM files in {@code folder}.
 */
public final class Certificates {
    private final Path folder;

    public Certificates(Path folder) {
        this.folder = folder;
    }

    /** A new CA: {@code name.pem} (certificate) and {@code name.key}. Returns the certificate's path. */
    public Path authority(String name) throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return folder.resolve(name + ".pem");
    }

    /**
     * A server certificate {@code name.crt} with key {@code name.key}, signed by the CA {@code authority}, for the
     * given subject alternative names ("DNS:localhost", "IP:127.0.0.1").
     */
    public Path server(String name, String authority, String... altNames) throws IOException, InterruptedException {
        Files.writeString(folder.resolve(name + ".ext"), "subjectAltName=" + String.join(",", altNames) + "\n"
                + "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + altNames[0].substring(altNames[0].indexOf(':') + 1));
        openssl("x509", "-req", "-in", name + ".csr", "-CA", authority + ".pem", "-CAkey", authority + ".key",
                "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
        return folder.resolve(name + ".crt");
    }

    public Path file(String name) {
        return folder.resolve(name);
    }

    private void openssl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
