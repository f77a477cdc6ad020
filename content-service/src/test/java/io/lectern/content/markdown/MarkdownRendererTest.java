package io.lectern.content.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Hostile Markdown an author (or a stolen author account) could submit. */
    static Stream<String> hostileCorpus() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<img src=\"https://ok.example/a.png\" onload=\"alert(1)\">",
                "<a href=\"javascript:alert(1)\">click</a>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](java&#115;cript:alert(1))",
                "<a href=\"java&#115;cript:alert(1)\">x</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
                "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
                "<a href=\"jav\tascript:alert(1)\">x</a>",
                "<a href=\" javascript:alert(1)\">x</a>",
                "[x](vbscript:msgbox(1))",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
                "![x](javascript:alert(1))",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
                "<svg onload=alert(1)><circle r=10 /></svg>",
                "<svg><script>alert(1)</script></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<div><p><b onclick=alert(1)>bold</b></p></div>",
                "<<script>script>alert(1)<</script>/script>",
                "<form action=\"https://evil.example\"><input name=x></form>",
                "<style>body{background:url(javascript:alert(1))}</style>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<details open ontoggle=alert(1)>",
                "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">ok</a>",
                "```html\n<script>alert(1)</script>\n```",
                "<code class=\"x\" onclick=alert(1)>c</code>",
                "[ref]\n\n[ref]: javascript:alert(1)",
                "<video><source onerror=\"alert(1)\"></video>",
                "<a href=\"//evil.example/%0Ajavascript:alert(1)\">x</a>",
                "<table><tr><td background=\"javascript:alert(1)\">x</td></tr></table>",
                "<img src=\"http://insecure.example/a.png\">",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">");
    }

    @ParameterizedTest
    @MethodSource("hostileCorpus")
    void hostileMarkdownLeavesNothingExecutable(String markdown) {
        String html = renderer.render(markdown).html();
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select(
                        "script, iframe, object, embed, svg, math, style, form, input, meta, base, video, source"))
                .as(html)
                .isEmpty();
        for (Element el : doc.getAllElements()) {
            for (Attribute attr : el.attributes()) {
                assertThat(attr.getKey().toLowerCase(Locale.ROOT)).as(html).doesNotStartWith("on");
                assertThat(attr.getKey().toLowerCase(Locale.ROOT)).as(html).isNotEqualTo("style");
            }
        }
        for (Element el : doc.select("[href], [src], [background], [action]")) {
            for (String attr : List.of("href", "src", "background", "action")) {
                if (el.hasAttr(attr)) {
                    assertThat(isSafeUrl(el.attr(attr)))
                            .as(attr + " in " + html)
                            .isTrue();
                }
            }
        }
        for (Element img : doc.select("img[src]")) {
            assertThat(img.attr("src")).as(html).matches("(?i)(https://.*|/uploads/.*)");
        }
    }

    /** http(s), mailto or relative: nothing with any other scheme, however it is encoded. */
    private static boolean isSafeUrl(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        boolean hasScheme = colon >= 0 && (slash < 0 || colon < slash);
        if (!hasScheme) {
            return true;
        }
        return u.startsWith("http:") || u.startsWith("https:") || u.startsWith("mailto:");
    }

    @Test
    void standardMarkdownKeepsTablesCodeLanguagesAnchorsAndSafeLinks() {
        String md = """
                # Getting Started

                Some **bold** and *italic* text with [a link](https://example.com) and <mailto:me@example.com>.

                ```java
                System.out.println("hi");
                ```

                | a | b |
                |---|--:|
                | 1 | 2 |

                ![diagram](https://cdn.example.com/d.png)
                """;
        Document doc = Jsoup.parseBodyFragment(renderer.render(md).html());
        assertThat(doc.select("h1").attr("id")).isEqualTo("getting-started");
        assertThat(doc.select("pre > code.language-java").text()).contains("System.out.println");
        assertThat(doc.select("table td")).hasSize(2);
        Element link = doc.selectFirst("a[href=https://example.com]");
        assertThat(link).isNotNull();
        assertThat(link.attr("rel")).contains("nofollow").contains("noopener");
        assertThat(doc.select("a[href^=mailto:]")).hasSize(1);
        assertThat(doc.select("img").attr("src")).isEqualTo("https://cdn.example.com/d.png");
        assertThat(doc.select("strong").text()).isEqualTo("bold");
    }

    @Test
    void readingTimeAndExcerptComeFromTheVisibleText() {
        String words = "word ".repeat(700);
        MarkdownRenderer.Rendered rendered = renderer.render("# Title\n\n" + words);
        assertThat(rendered.readingMinutes()).isEqualTo(4);
        assertThat(rendered.excerpt(100))
                .hasSizeLessThanOrEqualTo(100)
                .startsWith("Title word")
                .endsWith("…");
        assertThat(renderer.render("Short **text**.").excerpt(100)).isEqualTo("Short text.");
    }
}
