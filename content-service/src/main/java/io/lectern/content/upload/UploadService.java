package io.lectern.content.upload;

import io.lectern.content.access.Caller;
import io.lectern.platform.web.ProblemException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a file only for what its bytes are: images are decoded (after checking their pixel count
 * from the header alone, so a decompression bomb is refused before it is inflated) and written anew,
 * which drops metadata and anything smuggled after the image data; documents and data files are
 * checked for their signature or syntax. Files get generated names in a directory nothing serves
 * directly.
 */
@Service
public class UploadService {

    static final Pattern NAME = Pattern.compile("[0-9a-f-]{36}(-preview)?\\.(png|jpg|gif|pdf|csv|json)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final UploadProperties props;
    private final Path root;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    /** One decode at a time: two big images side by side would not fit the heap. */
    private final java.util.concurrent.Semaphore decoding = new java.util.concurrent.Semaphore(1, true);

    UploadService(
            JdbcClient jdbc,
            UploadProperties props,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.props = props;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.root = Path.of(props.directory()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create upload directory " + root, e);
        }
    }

    record UploadResponse(
            UUID id,
            String url,
            @Nullable String previewUrl,
            String contentType,
            long sizeBytes,
            String originalFilename,
            @Nullable Integer width,
            @Nullable Integer height) {}

    record StoredFile(Path path, String contentType, boolean image) {}

    /** Decoding and re-encoding happen before the transaction: no connection is held meanwhile. */
    UploadResponse store(Caller caller, @Nullable String originalName, byte[] bytes) {
        if (!caller.canAuthor()) {
            throw ProblemException.forbidden("Uploading files needs the author role.");
        }
        String filename = sanitizeName(originalName);
        UploadKind kind = detect(bytes);
        String extension = extensionOf(filename);
        if (!kind.extensions.contains(extension)) {
            throw unsupported("The file is " + kind.name() + " but its name ends in '." + extension + "'.");
        }
        long limit = switch (kind) {
            case PDF -> props.maxPdf().toBytes();
            case CSV, JSON -> props.maxData().toBytes();
            default -> props.maxImage().toBytes();
        };
        if (bytes.length > limit) {
            throw new ProblemException(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "File too large",
                            kind.name() + " files may be at most " + limit + " bytes; this one has " + bytes.length
                                    + ".")
                    .with("limit", limit);
        }
        UUID id = UUID.randomUUID();
        byte[] stored = bytes;
        byte[] preview = null;
        Integer width = null;
        Integer height = null;
        String contentType = kind.contentType;
        if (kind.image()) {
            decoding.acquireUninterruptibly();
            try {
                BufferedImage image = decode(bytes);
                width = image.getWidth();
                height = image.getHeight();
                String format = kind.storedExtension.equals("jpg") ? "jpeg" : kind.storedExtension;
                stored = encode(kind == UploadKind.JPEG ? withoutAlpha(image) : image, format);
                preview = encode(withoutAlpha(scaled(image, props.previewWidth())), "jpeg");
                contentType = format.equals("jpeg") ? "image/jpeg" : "image/" + format;
            } finally {
                decoding.release();
            }
        } else if (kind == UploadKind.JSON || kind == UploadKind.CSV) {
            contentType = kind.contentType + "; charset=utf-8";
        }
        byte[] storedBytes = stored;
        byte[] previewBytes = preview;
        String storedType = contentType;
        Integer storedWidth = width;
        Integer storedHeight = height;
        return java.util.Objects.requireNonNull(tx.execute(status ->
                persist(caller, id, kind, filename, storedBytes, previewBytes, storedType, storedWidth, storedHeight)));
    }

    private UploadResponse persist(
            Caller caller,
            UUID id,
            UploadKind kind,
            String filename,
            byte[] stored,
            byte @Nullable [] preview,
            String contentType,
            @Nullable Integer width,
            @Nullable Integer height) {
        long used = jdbc.sql("select coalesce(sum(size_bytes), 0) from upload where owner_id = :id")
                .param("id", caller.userId())
                .query(Long.class)
                .single();
        long adding = stored.length + (preview == null ? 0 : preview.length);
        if (used + adding > props.quotaPerUser().toBytes()) {
            throw new ProblemException(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "Upload quota exceeded",
                            "This file would take you over your "
                                    + props.quotaPerUser().toMegabytes() + " MB quota.")
                    .with("usedBytes", used);
        }
        String name = id + "." + kind.storedExtension;
        String previewName = preview == null ? null : id + "-preview.jpg";
        List<Path> written = new ArrayList<>();
        // Files first, row second; a rollback removes the files so nothing is left half-stored.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    written.forEach(UploadService::deleteQuietly);
                }
            }
        });
        written.add(write(name, stored));
        if (preview != null) {
            written.add(write(previewName, preview));
        }
        jdbc.sql("""
                        insert into upload (id, name, preview_name, owner_id, kind, content_type, size_bytes,
                          original_filename, width, height)
                        values (:id, :name, :preview, :owner, :kind, :type, :size, :original, :width, :height)
                        """)
                .param("id", id)
                .param("name", name)
                .param("preview", previewName)
                .param("owner", caller.userId())
                .param("kind", kind.name())
                .param("type", contentType)
                .param("size", adding)
                .param("original", filename)
                .param("width", width)
                .param("height", height)
                .update();
        return new UploadResponse(
                id,
                "/uploads/" + name,
                previewName == null ? null : "/uploads/" + previewName,
                contentType,
                stored.length,
                filename,
                width,
                height);
    }

    private static String sanitizeName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.unprocessable("The file has no name.");
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String extensionOf(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", detail);
    }

    /** The kind of file the bytes are, whatever the name or declared type says. */
    static UploadKind detect(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return UploadKind.PNG;
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return UploadKind.JPEG;
        if (startsWith(b, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return UploadKind.GIF;
        }
        if (b.length >= 12
                && startsWith(b, 'R', 'I', 'F', 'F')
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return UploadKind.WEBP;
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) return UploadKind.PDF;
        String text = utf8(b);
        if (text == null || text.indexOf('\0') >= 0) {
            throw unsupported("Only PNG, JPEG, GIF, WebP, PDF, CSV and JSON files are accepted.");
        }
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<") || head.contains("<svg") || head.contains("<script") || head.contains("<html")) {
            throw unsupported("HTML, SVG and XML files are not accepted.");
        }
        if (head.startsWith("{") || head.startsWith("[")) {
            try {
                JSON.readTree(text);
                return UploadKind.JSON;
            } catch (JacksonException e) {
                throw new ProblemException(
                        HttpStatus.UNPROCESSABLE_CONTENT, "Invalid data file", "The JSON does not parse.");
            }
        }
        if (!text.isBlank()) {
            return UploadKind.CSV;
        }
        throw unsupported("The file is empty.");
    }

    private static @Nullable String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unsupported("The image cannot be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > props.maxPixels()) {
                    throw new ProblemException(
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    "Image too large",
                                    "The image has " + pixels + " pixels; at most " + props.maxPixels()
                                            + " are allowed.")
                            .with("limit", props.maxPixels());
                }
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt(pixels / (double) props.decodePixels()));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Broken image", "The image data is corrupt.");
        }
    }

    private static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return rgb;
    }

    private static BufferedImage scaled(BufferedImage image, int maxWidth) {
        if (image.getWidth() <= maxWidth) {
            return image;
        }
        int height = Math.max(1, (int) Math.round(image.getHeight() * (maxWidth / (double) image.getWidth())));
        BufferedImage out = new BufferedImage(maxWidth, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, maxWidth, height, null);
        g.dispose();
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, byte[] bytes) {
        try {
            Path target = root.resolve(name);
            Path tmp = Files.createTempFile(root, ".upload-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // A leftover file with no row is unreachable; the runbook's cleanup query finds it.
        }
    }

    Optional<StoredFile> file(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return jdbc.sql(
                        "select name, preview_name, content_type, kind from upload where name = :n or preview_name = :n")
                .param("n", name)
                .query((rs, n) -> {
                    boolean preview = name.equals(rs.getString("preview_name"));
                    boolean image = !List.of("PDF", "CSV", "JSON").contains(rs.getString("kind"));
                    return new StoredFile(
                            root.resolve(name), preview ? "image/jpeg" : rs.getString("content_type"), image);
                })
                .optional()
                .filter(f -> Files.isRegularFile(f.path()));
    }

    List<UploadResponse> mine(Caller caller) {
        return jdbc.sql("select * from upload where owner_id = :id order by created_at desc")
                .param("id", caller.userId())
                .query((rs, n) -> new UploadResponse(
                        rs.getObject("id", UUID.class),
                        "/uploads/" + rs.getString("name"),
                        rs.getString("preview_name") == null ? null : "/uploads/" + rs.getString("preview_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("original_filename"),
                        rs.getObject("width", Integer.class),
                        rs.getObject("height", Integer.class)))
                .list();
    }

    @Transactional
    void delete(UUID id, Caller caller) {
        var row = jdbc.sql("select owner_id, name, preview_name from upload where id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {
                    rs.getObject("owner_id", UUID.class), rs.getString("name"), rs.getString("preview_name")
                })
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Upload " + id));
        if (!caller.mayManage((UUID) row[0]) && !caller.userId().equals(row[0])) {
            throw ProblemException.forbidden("Only its owner or an editor may delete an upload.");
        }
        removeRows(jdbc.sql("delete from upload where id = :id returning name, preview_name")
                .param("id", id));
    }

    /** The user is gone: so are their files. */
    @Transactional
    public void removeAllOf(UUID userId) {
        removeRows(jdbc.sql("delete from upload where owner_id = :id returning name, preview_name")
                .param("id", userId));
    }

    private void removeRows(JdbcClient.StatementSpec deleteReturning) {
        List<String> names = new ArrayList<>();
        deleteReturning.query(rs -> {
            names.add(rs.getString("name"));
            if (rs.getString("preview_name") != null) {
                names.add(rs.getString("preview_name"));
            }
        });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                names.forEach(n -> deleteQuietly(root.resolve(n)));
            }
        });
    }
}
