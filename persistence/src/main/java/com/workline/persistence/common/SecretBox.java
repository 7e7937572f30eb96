package com.workline.persistence.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Encrypts small secrets (a person's SMTP password) with a key that never leaves this computer's user profile, so a
 * value stored in the database or a backup is useless without that file. AES-256-GCM with a random 96-bit nonce per
 * value and the caller's context (e.g. {@code "smtp.password:" + personId}) as associated data, so a value copied to
 * another row or purpose does not open. Only the JDK's own crypto.
 * <p>
 * The key is 32 random bytes in {@value #KEY_FILE} inside the given folder, created on first use, readable by the
 * operating system user alone (POSIX mode 600 in a 700 folder; on Windows an ACL with the owner only). Losing the file
 * (new computer, reinstalled profile) means entering the secrets again; {@link #open} then says so
 * ({@link Problem#SECRET_UNREADABLE}, key {@code secret.otherKey}).
 * <p>
 * Sealed form: {@code v1.<base64url of key id (8 bytes) | nonce (12) | ciphertext and tag (16)>}. The key id (start of
 * the key's SHA-256) tells "sealed with another key" apart from "damaged".
 */
public final class SecretBox {
    public static final String KEY_FILE = "secret-box.key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final String VERSION = "v1.";
    private static final int KEY_BYTES = 32;
    private static final int ID_BYTES = 8;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] keyId;

    private SecretBox(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.keyId = Arrays.copyOf(sha256(keyBytes), ID_BYTES);
        Arrays.fill(keyBytes, (byte) 0);
    }

    /** The box whose key lives in {@code folder}; the folder and the key are created (owner-only) on first use. */
    public static SecretBox inFolder(Path folder) {
        Path file = folder.resolve(KEY_FILE);
        try {
            Files.createDirectories(folder);
            ownerOnly(folder, true);
            if (!Files.exists(file)) {
                create(folder, file);
            }
            ownerOnly(file, false);
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != KEY_BYTES) {
                throw new WorklineException(Problem.SECRET_UNREADABLE, Text.of("secret.keyDamaged", file.toString()));
            }
            return new SecretBox(bytes);
        } catch (IOException e) {
            throw new WorklineException(Problem.SECRET_UNREADABLE, Text.of("secret.keyUnreadable", file.toString()), e);
        }
    }

    /** Encrypts {@code plain} for {@code context}; each call gives a different text. */
    public String seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plain);
            ByteBuffer out = ByteBuffer.allocate(ID_BYTES + NONCE_BYTES + sealed.length);
            out.put(keyId).put(nonce).put(sealed);
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        }
    }

    /** The plain bytes of a value {@link #seal}ed for the same {@code context} with this installation's key. */
    public byte[] open(String sealed, String context) {
        byte[] all;
        try {
            if (sealed == null || !sealed.startsWith(VERSION)) {
                throw new IllegalArgumentException("not a sealed value");
            }
            all = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new WorklineException(Problem.SECRET_UNREADABLE, Text.of("secret.damaged"), e);
        }
        if (all.length < ID_BYTES + NONCE_BYTES + TAG_BITS / 8) {
            throw new WorklineException(Problem.SECRET_UNREADABLE, Text.of("secret.damaged"));
        }
        if (!MessageDigest.isEqual(Arrays.copyOf(all, ID_BYTES), keyId)) {
            throw new WorklineException(Problem.SECRET_UNREADABLE, Text.of("secret.otherKey"));
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, ID_BYTES, NONCE_BYTES));
            cipher.updateAAD(aad(context));
            return cipher.doFinal(all, ID_BYTES + NONCE_BYTES, all.length - ID_BYTES - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WorklineException(Problem.SECRET_UNREADABLE, Text.of("secret.damaged"), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        }
    }

    /** {@link #seal} for a password; the UTF-8 copy made on the way is wiped. */
    public String sealChars(char[] plain, String context) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(plain));
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        Arrays.fill(bytes.array(), (byte) 0);
        try {
            return seal(array, context);
        } finally {
            Arrays.fill(array, (byte) 0);
        }
    }

    /** {@link #open} for a password; wipe the result after use. */
    public char[] openChars(String sealed, String context) {
        byte[] plain = open(sealed, context);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
        Arrays.fill(plain, (byte) 0);
        char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return result;
    }

    private static byte[] aad(String context) {
        return ("workline-secret-box\0" + (context == null ? "" : context)).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a new key beside the final name, restricts it, then moves it in; a parallel start keeps the first key. */
    private static void create(Path folder, Path file) throws IOException {
        byte[] keyBytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(keyBytes);
        Path temporary;
        if (Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null) {
            temporary = Files.createTempFile(folder, "secret-box", ".tmp",
                    PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE)));
        } else {
            temporary = Files.createTempFile(folder, "secret-box", ".tmp");
            ownerOnly(temporary, false);
        }
        try {
            Files.write(temporary, keyBytes);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Another start created {} first", file);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
            Files.deleteIfExists(temporary);
        }
    }

    /** Mode 600 (700 for the folder) on POSIX; on Windows an ACL granting the owner alone. */
    private static void ownerOnly(Path path, boolean folder) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> wanted = folder
                    ? EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)
                    : EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Set<PosixFilePermission> current = posix.readAttributes().permissions();
            if (!current.equals(wanted)) {
                if (!folder && !wanted.containsAll(current)) {
                    LOG.warn("{} was readable by others ({}); restricted to its owner", path,
                            PosixFilePermissions.toString(current));
                }
                posix.setPermissions(wanted);
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            AclEntry entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
            acl.setAcl(List.of(entry));
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
