package io.lectern.identity.account;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Where an Argon2id hash is computed. Both engines write and read the same encoded form
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, unpadded Base64, the password as UTF-8), so a hash
 * written by one is verified by the other.
 *
 * <ul>
 *   <li>{@link Native}: the reference implementation, libargon2, through JNA (the argon2-jvm jar
 *       carries it for Linux, macOS and Windows). Its memory cost is one {@code malloc} freed when the
 *       hash is done, which the JVM's periodic native-heap trim hands back to the system: the Java heap
 *       never grows by 19 MiB for a sign-in.
 *   <li>{@link Java}: Bouncy Castle through Spring Security, the whole memory cost in the Java heap (as
 *       1 KiB blocks that are promoted to the old generation), which then stays committed.
 * </ul>
 *
 * {@code auto} (the default) takes the native engine when libargon2 loads and falls back to Java with a
 * warning when it does not (docs/adr/0013-identity-argon2-outside-the-java-heap.md).
 */
public sealed interface Argon2Engine permits Argon2Engine.Native, Argon2Engine.Java {

    enum Kind {
        AUTO,
        NATIVE,
        JAVA
    }

    String encode(String raw);

    /** False for a wrong password and for a stored value that is not an Argon2 hash. */
    boolean matches(String raw, String encoded);

    String name();

    static Argon2Engine create(AccountProperties.Argon2 p) {
        Logger log = LoggerFactory.getLogger(Argon2Engine.class);
        return switch (p.engine()) {
            case JAVA -> new Java(p);
            case NATIVE -> Native.load(p);
            case AUTO -> {
                try {
                    yield Native.load(p);
                } catch (LinkageError | IllegalStateException e) {
                    log.warn(
                            "libargon2 could not be loaded ({}); hashing passwords with the Java implementation,"
                                    + " whose memory cost is held in the Java heap",
                            e.toString());
                    yield new Java(p);
                }
            }
        };
    }

    final class Native implements Argon2Engine {
        private final Argon2 argon2;
        private final AccountProperties.Argon2 p;

        private Native(Argon2 argon2, AccountProperties.Argon2 p) {
            this.argon2 = argon2;
            this.p = p;
        }

        /** Loads libargon2 and proves it works with one cheap hash; throws when it cannot. */
        static Native load(AccountProperties.Argon2 p) {
            Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, p.saltLength(), p.hashLength());
            String probe = argon2.hash(1, 8, 1, "probe".getBytes(StandardCharsets.UTF_8));
            if (!argon2.verify(probe, "probe".getBytes(StandardCharsets.UTF_8))) {
                throw new IllegalStateException("libargon2 did not verify its own hash");
            }
            return new Native(argon2, p);
        }

        @Override
        public String encode(String raw) {
            return argon2.hash(p.iterations(), p.memoryKib(), p.parallelism(), raw.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean matches(String raw, String encoded) {
            if (!encoded.startsWith("$argon2id$")) {
                return false;
            }
            try {
                return argon2.verify(encoded, raw.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalStateException malformed) {
                // libargon2 answers a decoding error for a damaged hash; Spring's encoder answers false
                return false;
            }
        }

        @Override
        public String name() {
            return "native";
        }
    }

    final class Java implements Argon2Engine {
        private final Argon2PasswordEncoder encoder;

        Java(AccountProperties.Argon2 p) {
            this.encoder = new Argon2PasswordEncoder(
                    p.saltLength(), p.hashLength(), p.parallelism(), p.memoryKib(), p.iterations());
        }

        @Override
        public String encode(String raw) {
            return encoder.encode(raw);
        }

        @Override
        public boolean matches(String raw, String encoded) {
            return encoder.matches(raw, encoded);
        }

        @Override
        public String name() {
            return "java";
        }
    }
}
