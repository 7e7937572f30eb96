package com.workline.persistence.db.embedded;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes secrets so that only the current user can read them. */
final class FilePermissions {
    private FilePermissions() {
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            // Windows: files in the user's profile folder are private to the user by default ACLs.
            Files.deleteIfExists(file);
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }

    /** Sets POSIX permissions such as {@code "rwxr-xr-x"}; a no-op on file systems without them. */
    static void setIfPosix(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
