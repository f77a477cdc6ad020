package io.lectern.notify.email;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.lectern.notify.config.NotifyProperties;
import io.lectern.platform.crypto.Sealer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the Mustache templates in {@code classpath:email/}: {@code NAME.subject}, {@code NAME.txt}
 * and {@code NAME.html} (the latter wrapped in {@code _layout.html}). HTML parts escape every value
 * unless a template deliberately uses a triple mustache for HTML we sanitised ourselves. Sealed link
 * tokens are unsealed here, at send time, so the raw token only ever exists in memory and in the mail.
 */
@Component
public class EmailRenderer {

    static final String SEALED_TOKEN = "sealedToken";
    static final String TOKEN_PURPOSE = "tokenPurpose";
    static final String TOKEN_PATH = "tokenPath";

    // jmustache's default HTML escaper also rewrites '=' and '`', which mangles links for no gain.
    private final Mustache.Compiler html = Mustache.compiler()
            .withEscaper(Escapers.simple(
                    new String[][] {{"&", "&amp;"}, {"'", "&#39;"}, {"\"", "&quot;"}, {"<", "&lt;"}, {">", "&gt;"}}))
            .nullValue("")
            .withLoader(this::partial);
    private final Mustache.Compiler text =
            Mustache.compiler().escapeHTML(false).nullValue("").withLoader(this::partial);
    private final Map<String, Template> cache = new ConcurrentHashMap<>();
    private final Sealer sealer;
    private final String baseUrl;

    EmailRenderer(Sealer sealer, NotifyProperties props) {
        this.sealer = sealer;
        this.baseUrl = stripSlash(props.publicBaseUrl().toString());
    }

    /**
     * @throws IllegalArgumentException when the template does not exist or a sealed token is invalid;
     *     both are permanent, retrying cannot help
     */
    public RenderedEmail render(String template, Map<String, Object> model) {
        Map<String, Object> values = new HashMap<>(model);
        values.put("baseUrl", baseUrl);
        Object sealed = model.get(SEALED_TOKEN);
        if (sealed instanceof String s) {
            String raw = sealer.unseal(String.valueOf(model.get(TOKEN_PURPOSE)), s);
            values.put(
                    "actionUrl",
                    baseUrl + model.get(TOKEN_PATH) + "?token=" + URLEncoder.encode(raw, StandardCharsets.UTF_8));
            values.remove(SEALED_TOKEN);
        }
        String subject =
                compile(text, template + ".subject").execute(values).strip().replaceAll("[\\r\\n]+", " ");
        values.put("subject", subject);
        String body = compile(text, template + ".txt").execute(values);
        values.put("content", compile(html, template + ".html").execute(values));
        String page = compile(html, "_layout.html").execute(values);
        return new RenderedEmail(subject, body, page);
    }

    public String baseUrl() {
        return baseUrl;
    }

    private Template compile(Mustache.Compiler compiler, String name) {
        return cache.computeIfAbsent(
                (compiler == html ? "h:" : "t:") + name, k -> compiler.compile(source(name + ".mustache")));
    }

    private java.io.Reader partial(String name) {
        return new java.io.StringReader(source(name + ".mustache"));
    }

    private static String source(String file) {
        ClassPathResource resource = new ClassPathResource("email/" + file);
        if (!resource.exists()) {
            throw new IllegalArgumentException("no e-mail template " + file);
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
