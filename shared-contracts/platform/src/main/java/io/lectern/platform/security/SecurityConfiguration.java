package io.lectern.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder lecternJwtDecoder(LecternSecurityProperties props) {
        return ResourceServerSecurity.jwtDecoder(props);
    }

    /**
     * With Spring Security's observations switched off (LecternDefaults, docs/adr/0106) the filter chain
     * is not wrapped in observation decorators at all: the property alone turns each observation into a
     * no-op, but the decorator still wraps every filter and builds a context per filter and request.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    static SecurityObservationSettings lecternSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain lecternSecurityFilterChain(
            HttpSecurity http, LecternSecurityProperties props, JwtDecoder decoder) throws Exception {
        return ResourceServerSecurity.filterChain(http, props, decoder);
    }
}
