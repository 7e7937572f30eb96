package com.workline.persistence.db.embedded;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Unpacks the PostgreSQL binaries archive (tar.xz) into a folder named after its digest, once per machine. */
final class TxzArchive {
    private TxzArchive() {
    }

    static Path extractOnce(InputStream archive, Path parent) throws IOException {
        byte[] bytes = archive.readAllBytes();
        Path target = parent.resolve("pg-" + sha256(bytes).substring(0, 16));
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        Files.createDirectories(parent);
        FilePermissions.setIfPosix(parent, "rwxr-xr-x");
        try (FileChannel channel = FileChannel.open(parent.resolve(target.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (Files.exists(done)) {
                return target; // another process unpacked it while we waited
            }
            Path staging = Files.createTempDirectory(parent, "unpacking");
            FilePermissions.setIfPosix(staging, "rwxr-xr-x");
            unpack(bytes, staging);
            if (Files.exists(target)) {
                deleteRecursively(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            Files.createFile(done);
        }
        return target;
    }

    private static void unpack(byte[] bytes, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new BufferedInputStream(new ByteArrayInputStream(bytes))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0 || entry.getName().matches("(\\./)?bin/.*");
                    FilePermissions.setIfPosix(path, executable ? "rwxr-xr-x" : "rw-r--r--");
                }
            }
        }
        try (var dirs = Files.walk(target)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                FilePermissions.setIfPosix(dir, "rwxr-xr-x");
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (var all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
