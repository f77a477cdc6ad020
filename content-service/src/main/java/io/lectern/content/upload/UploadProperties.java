package io.lectern.content.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploads live (outside any served root: they are only reachable through {@link UploadController})
 * and how big they may be. {@code maxPixels} is what an image may declare; it is decoded at most at
 * {@code decodePixels} (subsampled beyond: 4 megapixels are 16 MB as ARGB, which a 64 MB heap holds with
 * the scaled copies), and one image at a time.
 */
@ConfigurationProperties("lectern.content.uploads")
public record UploadProperties(
        String directory,
        @DefaultValue("5MB") DataSize maxImage,
        @DefaultValue("10MB") DataSize maxPdf,
        @DefaultValue("2MB") DataSize maxData,
        @DefaultValue("25000000") long maxPixels,
        @DefaultValue("640") int previewWidth,
        @DefaultValue("100MB") DataSize quotaPerUser,
        @DefaultValue("4000000") long decodePixels) {}
