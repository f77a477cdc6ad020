package io.lectern.content.markdown;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown to HTML that is safe to inject into a page. commonmark-java does not sanitise (its
 * maintainers say so), so its output goes through an allowlist OWASP policy: whatever raw HTML,
 * attribute or URL scheme an author types, only the elements and protocols listed here survive, and
 * the sanitiser decodes entities before checking a URL, so {@code java&#115;cript:} is caught too.
 */
public final class MarkdownRenderer {

    private static final Pattern LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]{1,40}");
    private static final Pattern HEADING_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.:-]{0,120}");
    // Images load without a click, so only https or our own uploads; never http (mixed content) or data:.
    private static final Pattern IMAGE_SRC = Pattern.compile("(?i)(https://\\S+|/uploads/[A-Za-z0-9._-]+)");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "blockquote",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "del",
                    "s",
                    "sub",
                    "sup",
                    "kbd",
                    "mark",
                    "small",
                    "code",
                    "pre",
                    "ul",
                    "ol",
                    "li",
                    "dl",
                    "dt",
                    "dd",
                    "a",
                    "img",
                    "table",
                    "thead",
                    "tbody",
                    "tfoot",
                    "tr",
                    "th",
                    "td",
                    "caption")
            .allowElements(HEADINGS.toArray(String[]::new))
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .allowAttributes("src")
            .matching(IMAGE_SRC)
            .onElements("img")
            .allowAttributes("alt", "title", "width", "height")
            .onElements("img")
            .allowAttributes("class")
            .matching(LANGUAGE_CLASS)
            .onElements("code", "pre")
            .allowAttributes("id")
            .matching(HEADING_ID)
            .onElements(HEADINGS.toArray(String[]::new))
            .allowAttributes("align")
            .matching(true, "left", "center", "right")
            .onElements("th", "td")
            .allowAttributes("start")
            .matching(Pattern.compile("[0-9]{1,6}"))
            .onElements("ol")
            .toFactory();

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        List<Extension> extensions = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
        parser = Parser.builder().extensions(extensions).build();
        renderer =
                HtmlRenderer.builder().extensions(extensions).sanitizeUrls(true).build();
    }

    public Rendered render(String markdown) {
        String unsafe = renderer.render(parser.parse(markdown));
        String html = POLICY.sanitize(unsafe);
        String text = Jsoup.parse(html).text();
        return new Rendered(html, text);
    }

    /** Safe HTML and the plain text readers see (for excerpts, reading time and search snippets). */
    public record Rendered(String html, String text) {

        public int readingMinutes() {
            String trimmed = text.trim();
            int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
            return Math.max(1, (int) Math.ceil(words / 230.0));
        }

        public String excerpt(int maxChars) {
            String t = text.trim().replaceAll("\\s+", " ");
            if (t.length() <= maxChars) {
                return t;
            }
            int cut = t.lastIndexOf(' ', maxChars - 1);
            return t.substring(0, cut > maxChars / 2 ? cut : maxChars - 1) + "…";
        }
    }
}
