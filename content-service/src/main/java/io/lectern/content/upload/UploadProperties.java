package io.lectern.content.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploads live (outside any served root: they are only reachable through {@link UploadController})
 * and how big they may be.
 */
@ConfigurationProperties("lectern.content.uploads")
public record UploadProperties(
        String directory,
        @DefaultValue("5MB") DataSize maxImage,
        @DefaultValue("10MB") DataSize maxPdf,
        @DefaultValue("2MB") DataSize maxData,
        @DefaultValue("25000000") long maxPixels,
        @DefaultValue("640") int previewWidth,
        @DefaultValue("100MB") DataSize quotaPerUser) {}
