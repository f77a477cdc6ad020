package io.lectern.content.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.content.support.ContentApiTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class UploadApiTest extends ContentApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UploadProperties props;

    private Response upload(String token, String filename, String declaredType, byte[] content) throws Exception {
        String boundary = "----lectern" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/uploads"))
                .header("Authorization", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r);
    }

    private static byte[] png(int w, int h, String textChunk) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        byte[] plain = out.toByteArray();
        // Insert a tEXt chunk (metadata) right after IHDR: 8-byte signature + 25-byte IHDR chunk.
        byte[] chunk = chunk("tEXt", ("Comment\0" + textChunk).getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream withText = new ByteArrayOutputStream();
        withText.write(plain, 0, 33);
        withText.write(chunk);
        withText.write(plain, 33, plain.length - 33);
        return withText.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length);
        b.put(type.getBytes(StandardCharsets.ISO_8859_1));
        b.put(data);
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A PNG whose header claims 100000 x 100000 pixels: tiny on disk, 40 GB once decoded. */
    private static byte[] bombPng() {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(100_000)
                .putInt(100_000)
                .put((byte) 8)
                .put((byte) 6)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        out.writeBytes(chunk("IHDR", ihdr.array()));
        out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private long storedFiles() throws IOException {
        Path dir = Path.of(props.directory());
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private int rowsOf(UUID owner) {
        return jdbc.sql("select count(*) from upload where owner_id = :o")
                .param("o", owner)
                .query(Integer.class)
                .single();
    }

    @Test
    void imageIsReencodedWithoutMetadataAndServedWithSafeHeaders() throws Exception {
        Response r = upload(authorToken(), "photo.png", "image/png", png(1200, 600, "SECRET-GPS-DATA"))
                .expect(201);
        String url = r.json().path("url").asString();
        assertThat(r.json().path("width").asInt()).isEqualTo(1200);
        Response served = get(url, null).expect(200);
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Content-Security-Policy")).contains("sandbox");
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        HttpResponse<byte[]> bytes = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(bytes.body(), StandardCharsets.ISO_8859_1)).doesNotContain("SECRET-GPS-DATA");
        BufferedImage preview = ImageIO.read(URI.create(
                        "http://127.0.0.1:" + port + r.json().path("previewUrl").asString())
                .toURL());
        assertThat(preview.getWidth()).isEqualTo(640);
        assertThat(preview.getHeight()).isEqualTo(320);
    }

    @Test
    void documentsAreServedAsAttachments() throws Exception {
        Response pdf = upload(
                        authorToken(),
                        "paper.pdf",
                        "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                .expect(201);
        Response served = get(pdf.json().path("url").asString(), null).expect(200);
        assertThat(served.header("Content-Disposition")).startsWith("attachment");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        upload(authorToken(), "data.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .expect(201);
        upload(authorToken(), "data.json", "application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))
                .expect(201);
        upload(authorToken(), "bad.json", "application/json", "{\"a\":".getBytes(StandardCharsets.UTF_8))
                .expectProblem(422);
        Response traversal = get("/uploads/..%2F..%2Fetc%2Fpasswd", null);
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.header("Content-Type")).startsWith("application/problem+json");
        assertThat(traversal.body()).doesNotContain("root:");
        get("/uploads/" + UUID.randomUUID() + ".png", null).expectProblem(404);
    }

    @Test
    void hostileOrOversizedFilesAreRefusedAndNothingIsStored() throws Exception {
        UUID owner = UUID.randomUUID();
        String token = bearer(owner, "author");
        long filesBefore = storedFiles();
        upload(token, "report.pdf", "application/pdf", png(10, 10, "x")).expectProblem(415);
        upload(token, "cat.png", "image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .expectProblem(415);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        upload(token, "logo.svg", "image/svg+xml", svg).expectProblem(415);
        upload(token, "logo.png", "image/png", svg).expectProblem(415);
        upload(token, "\"big.csv", "text/csv", "a,b\n".repeat(600_000).getBytes(StandardCharsets.UTF_8))
                .expectProblem(413);
        Response bomb = upload(token, "bomb.png", "image/png", bombPng()).expectProblem(422);
        assertThat(bomb.json().path("detail").asString()).contains("pixels");
        upload(bearer(owner, "reader"), "ok.csv", "text/csv", "a\n".getBytes(StandardCharsets.UTF_8))
                .expectProblem(403);
        assertThat(rowsOf(owner)).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }
}
