package io.lectern.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the tokens identity-service issues. {@code publicPaths} lists what needs no
 * token, each entry either a path pattern or "METHOD pattern" (e.g. "GET /api/v1/posts/**").
 */
@ConfigurationProperties("lectern.security")
public record LecternSecurityProperties(
        String issuer,
        String audience,
        String jwkSetUri,
        @DefaultValue("30s") java.time.Duration clockSkew,
        @DefaultValue List<String> publicPaths) {}
