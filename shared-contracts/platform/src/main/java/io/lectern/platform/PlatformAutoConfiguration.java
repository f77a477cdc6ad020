package io.lectern.platform;

import io.lectern.platform.crypto.BuiltInSecrets;
import io.lectern.platform.crypto.Sealer;
import io.lectern.platform.security.LecternSecurityProperties;
import io.lectern.platform.web.OpenApiDocumentController;
import io.lectern.platform.web.ProblemDetailsAdvice;
import io.lectern.platform.web.RequestIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * The single wiring point of the shared defaults: request ids, problem details, security and the
 * service's OpenAPI document.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LecternSecurityProperties.class)
@Import(io.lectern.platform.security.SecurityConfiguration.class)
public class PlatformAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> lecternRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /**
     * The seal key for link tokens in events and for the signing keys identity keeps in its database.
     * There is no built-in key: one compiled into the source would let anyone with a database backup
     * unseal the live signing key and mint admin tokens. {@code ./lectern up} generates a key once and
     * keeps it outside the repository; compose and Kubernetes must set {@code LECTERN_SEAL_KEY}.
     */
    @Bean
    @ConditionalOnMissingBean
    Sealer lecternSealer(@Value("${LECTERN_SEAL_KEY:}") String base64Key) {
        return Sealer.fromBase64(BuiltInSecrets.require("LECTERN_SEAL_KEY", base64Key));
    }

    /**
     * The OpenAPI document packaged at build time. Where springdoc is on the class path (the services'
     * tests) it generates the document from the code instead, and the tests compare the two.
     */
    @Bean
    @ConditionalOnMissingClass("org.springdoc.core.configuration.SpringDocConfiguration")
    OpenApiDocumentController lecternOpenApiDocument(ResourceLoader resourceLoader) {
        return OpenApiDocumentController.load(ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
    }

    /** Tomcat's own refusals (before any filter runs) answered as problems, not as an HTML page. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    org.springframework.boot.web.server.WebServerFactoryCustomizer<
                    org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            lecternTomcatProblemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(io.lectern.platform.web.ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Replaces Spring Boot's error JSON: the firewall's and the container's refusals are problems too. */
    @Bean
    @ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
    io.lectern.platform.web.ProblemErrorController lecternProblemErrorController() {
        return new io.lectern.platform.web.ProblemErrorController();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice lecternProblemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }
}
