package io.lectern.content.transfer;

import io.lectern.platform.web.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.springframework.http.HttpStatus;

/**
 * Reads an uploaded zip defensively: bounded upload, entry count and inflated sizes (counted, not
 * trusted), no absolute or parent-relative names, only {@code .md}/{@code .markdown}/{@code .json}
 * files, UTF-8 text only. macOS metadata ({@code __MACOSX/}, {@code ._name}) and directories are skipped.
 */
final class Archive {

    record File(String name, String text) {}

    private Archive() {}

    static List<File> read(InputStream upload, TransferProperties limits) {
        List<File> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new BoundedInput(upload, limits.maxUploadBytes()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw tooLarge("The archive has more than " + limits.maxEntries() + " entries.")
                            .with("limit", limits.maxEntries());
                }
                String name = entry.getName();
                if (!safeName(name)) {
                    refused.add(name);
                    continue;
                }
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (!(lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".json"))) {
                    refused.add(name);
                    continue;
                }
                byte[] bytes = readEntry(zip, name, limits.maxEntryBytes(), limits.maxTotalBytes() - total);
                total += bytes.length;
                files.add(new File(name, utf8(name, bytes)));
            }
        } catch (ZipException e) {
            throw ProblemException.badRequest("The upload is not a readable zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!refused.isEmpty()) {
            throw ProblemException.unprocessable(
                            "The archive has entries that are not allowed: only .md, .markdown and .json files, "
                                    + "with relative names inside the archive.")
                    .with("refused", refused);
        }
        if (files.isEmpty()) {
            throw ProblemException.unprocessable("The archive holds no .md or .json files.");
        }
        return files;
    }

    /** Relative, no parent steps, no drive letters or backslashes, no control characters. */
    static boolean safeName(String name) {
        if (name.isEmpty()
                || name.length() > 300
                || name.startsWith("/")
                || name.contains("\\")
                || name.contains(":")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static boolean ignored(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store");
    }

    private static byte[] readEntry(ZipInputStream zip, String name, long entryLimit, long totalLeft)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = zip.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > entryLimit) {
                throw tooLarge("'" + name + "' inflates to more than " + entryLimit + " bytes.")
                        .with("file", name)
                        .with("limit", entryLimit);
            }
            if (out.size() > totalLeft) {
                throw tooLarge("The archive inflates to more than the allowed total.");
            }
        }
        return out.toByteArray();
    }

    private static String utf8(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.unprocessable("'" + name + "' is not UTF-8 text.")
                    .with("file", name);
        }
    }

    static ProblemException tooLarge(String detail) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Content too large", detail);
    }

    /** Stops reading the request body past the upload limit, whatever Content-Length said. */
    static final class BoundedInput extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge("The upload is larger than " + limit + " bytes.").with("limit", limit);
            }
        }
    }
}
