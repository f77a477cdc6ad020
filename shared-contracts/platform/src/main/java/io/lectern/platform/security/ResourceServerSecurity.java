package io.lectern.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Every service is an OAuth2 resource server: it verifies the access token itself (RS256 only, issuer,
 * audience, expiry) against identity-service's published keys, so a request that bypasses the
 * gateway, or carries hand-made identity headers, gains nothing.
 */
public final class ResourceServerSecurity {

    private ResourceServerSecurity() {}

    static JwtDecoder jwtDecoder(LecternSecurityProperties props) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(props.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(props));
        // verified tokens are remembered until they expire, at most a minute (CachingJwtDecoder)
        return new CachingJwtDecoder(decoder, java.time.Duration.ofSeconds(60), 10_000, java.time.Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> validator(LecternSecurityProperties props) {
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(props.audience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
        OAuth2TokenValidator<Jwt> expiryRequired = jwt -> jwt.getExpiresAt() != null
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no expiry", null));
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(props.clockSkew()),
                new JwtIssuerValidator(props.issuer()),
                audience,
                expiryRequired);
    }

    /** Roles come from the {@code roles} claim and become {@code ROLE_<NAME>} authorities. */
    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        return jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            List<String> roles = jwt.getClaimAsStringList("roles");
            if (roles != null) {
                roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.toUpperCase())));
            }
            String tier = jwt.getClaimAsString("tier");
            if (tier != null) {
                authorities.add(new SimpleGrantedAuthority("TIER_" + tier.toUpperCase()));
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    static SecurityFilterChain filterChain(HttpSecurity http, LecternSecurityProperties props, JwtDecoder decoder)
            throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                        .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied()))
                .oauth2ResourceServer(
                        o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(authenticationConverter()))
                                .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                                .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied()))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(
                                    "/actuator/health/**",
                                    "/actuator/health",
                                    "/actuator/info",
                                    "/actuator/prometheus",
                                    "/v3/api-docs",
                                    "/v3/api-docs/**",
                                    "/error")
                            .permitAll();
                    for (String entry : props.publicPaths()) {
                        String[] parts = entry.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            a.requestMatchers(PathPatternRequestMatcher.withDefaults()
                                            .matcher(HttpMethod.valueOf(parts[0]), parts[1]))
                                    .permitAll();
                        } else {
                            a.requestMatchers(parts[0]).permitAll();
                        }
                    }
                    a.anyRequest().authenticated();
                });
        return http.build();
    }
}
