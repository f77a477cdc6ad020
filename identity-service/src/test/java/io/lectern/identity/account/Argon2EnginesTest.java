package io.lectern.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The native engine (libargon2) and the Java one (Bouncy Castle, which wrote every hash stored before
 * ADR 0013) read each other's hashes: an account keeps its password whichever engine a start picks.
 */
class Argon2EnginesTest {

    private static AccountProperties.Argon2 params(Argon2Engine.Kind engine) {
        return new AccountProperties.Argon2(16, 32, 1, 1024, 2, 1, Duration.ofSeconds(5), engine);
    }

    private final Argon2Engine nativeEngine = Argon2Engine.create(params(Argon2Engine.Kind.NATIVE));
    private final Argon2Engine javaEngine = Argon2Engine.create(params(Argon2Engine.Kind.JAVA));

    @Test
    void autoTakesLibargon2OnThisMachine() {
        assertThat(Argon2Engine.create(params(Argon2Engine.Kind.AUTO)).name()).isEqualTo("native");
        assertThat(new PasswordHasher(params(Argon2Engine.Kind.AUTO)).engine()).isEqualTo("native");
        assertThat(new PasswordHasher(params(Argon2Engine.Kind.JAVA)).engine()).isEqualTo("java");
    }

    @Test
    void eachEngineVerifiesTheOthersHashes() {
        for (String password : new String[] {"correct horse battery staple", "pässwörd ✓ 密码 😀 long enough"}) {
            String byJava = javaEngine.encode(password);
            String byNative = nativeEngine.encode(password);
            assertThat(byNative).startsWith("$argon2id$v=19$m=1024,t=2,p=1$");
            assertThat(byJava).startsWith("$argon2id$v=19$m=1024,t=2,p=1$");
            assertThat(byNative).isNotEqualTo(byJava); // each has its own random salt

            assertThat(nativeEngine.matches(password, byJava)).isTrue();
            assertThat(javaEngine.matches(password, byNative)).isTrue();
            assertThat(nativeEngine.matches(password, byNative)).isTrue();
            assertThat(nativeEngine.matches(password + "x", byJava)).isFalse();
            assertThat(javaEngine.matches(password + "x", byNative)).isFalse();
        }
    }

    @Test
    void bothEnginesEncodeTheSameSaltAndHashLengths() {
        for (Argon2Engine engine : new Argon2Engine[] {nativeEngine, javaEngine}) {
            String[] parts = engine.encode("correct horse battery staple").split("\\$");
            assertThat(parts).as(engine.name()).hasSize(6);
            // unpadded Base64, which the JDK's decoder accepts as it is
            assertThat(parts[4]).as(engine.name()).doesNotContain("=");
            assertThat(java.util.Base64.getDecoder().decode(parts[4]))
                    .as(engine.name())
                    .hasSize(16);
            assertThat(java.util.Base64.getDecoder().decode(parts[5]))
                    .as(engine.name())
                    .hasSize(32);
        }
    }

    @Test
    void aDamagedOrForeignHashIsAWrongPasswordNotAnError() {
        String good = nativeEngine.encode("correct horse battery staple");
        for (String bad : new String[] {
            "",
            "plain text",
            "$2a$10$abcdefghijklmnopqrstuv",
            good.substring(0, good.length() - 5) + "!!!!!",
            "$argon2id$v=19$"
        }) {
            assertThat(nativeEngine.matches("correct horse battery staple", bad))
                    .as(bad)
                    .isFalse();
            assertThat(javaEngine.matches("correct horse battery staple", bad))
                    .as(bad)
                    .isFalse();
        }
    }
}
