package io.lectern.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProfileAndSettingsTest extends IdentityTestSupport {

    @Test
    void profileIsReadAndPatchedAndTheChangeIsPublished() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String auth = bearer(accessToken(email));
        JsonNode me = httpGet("/api/v1/users/me", "Authorization", auth).json();
        assertThat(me.get("id").asString()).isEqualTo(id.toString());
        assertThat(me.get("roles").get(0).asString()).isEqualTo("reader");
        assertThat(me.get("tier").asString()).isEqualTo("free");
        assertThat(me.has("passwordHash")).isFalse();

        Response patched = send(
                "PATCH",
                "/api/v1/users/me",
                Map.of(
                        "displayName", "Grace",
                        "avatarUrl", "https://cdn.example.org/a.png",
                        "bio", "Compilers.",
                        "timeZone", "Europe/Zurich",
                        "locale", "de-CH"),
                "Authorization",
                auth);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("displayName").asString()).isEqualTo("Grace");
        assertThat(patched.json().get("timeZone").asString()).isEqualTo("Europe/Zurich");

        JsonNode event = events(id, "identity.user-profile-changed.v1").getLast();
        assertThat(event.get("displayName").asString()).isEqualTo("Grace");
        assertThat(event.get("locale").asString()).isEqualTo("de-CH");
        assertThat(event.get("version").asLong()).isPositive();
    }

    @Test
    void invalidProfileValuesAreProblemsAndChangeNothing() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String auth = bearer(accessToken(email));
        for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
                Map.of("avatarUrl", "javascript:alert(1)"),
                Map.of("avatarUrl", "http://insecure.example.org/a.png"),
                Map.of("timeZone", "Nowhere/Land"),
                Map.of("locale", "not a locale!"),
                Map.of("displayName", "   "),
                Map.of("displayName", "x".repeat(61)),
                Map.of("bio", "b".repeat(1001)))) {
            Response r = send("PATCH", "/api/v1/users/me", bad, "Authorization", auth);
            assertProblem(r, 400);
            assertThat(r.json().get("errors")).isNotNull();
        }
        assertThat(events(id, "identity.user-profile-changed.v1")).isEmpty();
        assertThat(httpGet("/api/v1/users/me", "Authorization", auth)
                        .json()
                        .get("displayName")
                        .asString())
                .isEqualTo("Ada Reader");
    }

    private static Map<String, Object> settings() {
        Map<String, Object> s = new HashMap<>();
        s.put("digestOptIn", true);
        s.put("digestFrequency", "daily");
        s.put("newsletterOptIn", true);
        s.put("notificationEmails", true);
        s.put("commentReplyEmails", false);
        s.put("theme", "dark");
        s.put("readingFontSize", 18);
        s.put("codeTheme", "solarized-dark");
        s.put("showReadingProgress", false);
        return s;
    }

    @Test
    void settingsHaveDefaultsAreReplacedAndEmitOnlyWhenOthersCare() {
        String email = newEmail();
        UUID id = verifiedUser(email);
        String auth = bearer(accessToken(email));
        JsonNode defaults = httpGet("/api/v1/settings", "Authorization", auth).json();
        assertThat(defaults.get("theme").asString()).isEqualTo("system");
        assertThat(defaults.get("digestOptIn").asBoolean()).isFalse();

        Response saved = send("PUT", "/api/v1/settings", settings(), "Authorization", auth);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(httpGet("/api/v1/settings", "Authorization", auth)
                        .json()
                        .get("readingFontSize")
                        .asInt())
                .isEqualTo(18);
        var changes = events(id, "identity.user-profile-changed.v1");
        assertThat(changes).hasSize(1);
        assertThat(changes.getFirst().get("digestOptIn").asBoolean()).isTrue();

        // only the theme changes: nobody else keeps a copy of it, so no event
        Map<String, Object> themeOnly = settings();
        themeOnly.put("theme", "light");
        assertThat(send("PUT", "/api/v1/settings", themeOnly, "Authorization", auth)
                        .status())
                .isEqualTo(200);
        assertThat(events(id, "identity.user-profile-changed.v1")).hasSize(1);
    }

    @Test
    void invalidSettingsAreProblemsWithFieldErrorsAndChangeNothing() {
        String email = newEmail();
        verifiedUser(email);
        String auth = bearer(accessToken(email));
        Map<String, Object> bad = settings();
        bad.put("theme", "neon");
        bad.put("readingFontSize", 99);
        Response r = send("PUT", "/api/v1/settings", bad, "Authorization", auth);
        assertProblem(r, 400);
        assertThat(r.body()).contains("theme", "readingFontSize");
        Map<String, Object> missing = settings();
        missing.remove("digestOptIn");
        assertProblem(send("PUT", "/api/v1/settings", missing, "Authorization", auth), 400);
        assertThat(httpGet("/api/v1/settings", "Authorization", auth)
                        .json()
                        .get("theme")
                        .asString())
                .isEqualTo("system");
    }

    @Test
    void profileAndSettingsNeedAToken() {
        assertProblem(httpGet("/api/v1/settings"), 401);
        assertProblem(send("PATCH", "/api/v1/users/me", Map.of("displayName", "x")), 401);
    }
}
