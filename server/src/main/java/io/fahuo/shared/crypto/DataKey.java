package io.fahuo.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that protects consumer data and credentials at rest. Taken from {@code FAHUO_DATA_KEY}
 * (base64, 32 bytes; required when several nodes share a database) or from {@code <data-dir>/fahuo.key},
 * which is generated on first start.
 */
public final class DataKey {

    public static final String ENV = "FAHUO_DATA_KEY";

    private DataKey() {
    }

    public static SecretKey load(String fromEnv, Path dataDir) {
        if (fromEnv != null && !fromEnv.isBlank()) {
            return parse(fromEnv.strip(), "environment variable " + ENV);
        }
        Path file = dataDir.resolve("fahuo.key");
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file).strip(), file.toString());
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, encoded + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file keeps the default permissions
            }
            return new SecretKeySpec(key, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key " + file, e);
        }
    }

    private static SecretKey parse(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("data key in " + source + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("data key in " + source + " must be 32 bytes, was " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
