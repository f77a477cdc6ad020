package io.lectern.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
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

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain lecternSecurityFilterChain(
            HttpSecurity http, LecternSecurityProperties props, JwtDecoder decoder) throws Exception {
        return ResourceServerSecurity.filterChain(http, props, decoder);
    }
}
