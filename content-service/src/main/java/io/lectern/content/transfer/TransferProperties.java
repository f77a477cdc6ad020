package io.lectern.content.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on an uploaded archive. Sizes are counted while inflating, never taken from the zip's own
 * headers (a zip bomb lies there): {@code maxUploadBytes} bounds the compressed upload,
 * {@code maxTotalBytes} what all entries inflate to, {@code maxEntryBytes} one entry.
 */
@ConfigurationProperties("lectern.content.transfer")
public record TransferProperties(
        @DefaultValue("52428800") long maxUploadBytes,
        @DefaultValue("2000") int maxEntries,
        @DefaultValue("104857600") long maxTotalBytes,
        @DefaultValue("4194304") long maxEntryBytes) {}
