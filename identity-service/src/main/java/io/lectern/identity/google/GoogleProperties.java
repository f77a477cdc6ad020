package io.lectern.identity.google;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Google sign-in (OpenID Connect, authorization code + PKCE). Endpoints are settable so tests use a stand-in. */
@ConfigurationProperties("lectern.identity.google")
public record GoogleProperties(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,

        @DefaultValue("https://accounts.google.com/o/oauth2/v2/auth")
        URI authorizationUri,

        @DefaultValue("https://oauth2.googleapis.com/token") URI tokenUri,

        @DefaultValue("https://www.googleapis.com/oauth2/v3/certs")
        URI jwkSetUri,

        @DefaultValue({"https://accounts.google.com", "accounts.google.com"})
        List<String> issuers,

        @DefaultValue("http://localhost:8080/api/v1/auth/google/callback")
        URI redirectUri,

        @DefaultValue("/") String successRedirect,
        @DefaultValue("10m") Duration stateTtl,
        @DefaultValue("5s") Duration timeout) {

    boolean configured() {
        return !clientId.isBlank() && !clientSecret.isBlank();
    }
}
