package io.lectern.learning.certificate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificates: the public base URL credentials and QR codes point at (the gateway's public address),
 * the issuer name, the revocation list size, how long after completion "retained" may be earned, and how
 * many reviewed cards of the series must show it (FSRS retrievability at the reader's desired retention).
 */
@ConfigurationProperties("lectern.learning.certificates")
public record CertificateProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("Lectern") String issuerName,
        @DefaultValue("131072") int statusListSize,
        @DefaultValue("14d") Duration retainedAfter,
        @DefaultValue("5") int retainedMinCards,
        @DefaultValue("10m") Duration keyCacheRefresh) {}
