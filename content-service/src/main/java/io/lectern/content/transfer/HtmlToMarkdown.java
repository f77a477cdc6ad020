package io.lectern.content.transfer;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Good-enough HTML to Markdown for imported posts (Ghost keeps Markdown only for posts written before
 * its editor changed): headings, paragraphs, emphasis, links, images, lists, quotes, code and rules
 * become Markdown; any other element keeps only its text. Whatever comes out is rendered and sanitised
 * like any post, so nothing here has to be safe, only faithful.
 */
final class HtmlToMarkdown {

    private HtmlToMarkdown() {}

    static String convert(String html) {
        StringBuilder out = new StringBuilder();
        blocks(Jsoup.parseBodyFragment(html).body(), out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void blocks(Element parent, StringBuilder out, String indent) {
        StringBuilder inline = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                flush(inline, out);
                block(e, out, indent);
            } else {
                inline(node, inline);
            }
        }
        flush(inline, out);
    }

    private static void flush(StringBuilder inline, StringBuilder out) {
        String text = inline.toString().strip();
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
        }
        inline.setLength(0);
    }

    private static boolean isBlock(Element e) {
        return switch (e.tagName()) {
            case "p",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "pre",
                    "blockquote",
                    "hr",
                    "figure",
                    "div",
                    "section",
                    "article",
                    "table",
                    "header",
                    "footer",
                    "aside" -> true;
            default -> false;
        };
    }

    private static void block(Element e, StringBuilder out, String indent) {
        String tag = e.tagName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" ->
                out.append("#".repeat(tag.charAt(1) - '0'))
                        .append(' ')
                        .append(inlineOf(e))
                        .append("\n\n");
            case "p" -> {
                String text = inlineOf(e);
                if (!text.isBlank()) {
                    out.append(text).append("\n\n");
                }
            }
            case "hr" -> out.append("---\n\n");
            case "pre" -> {
                Element code = e.selectFirst("code");
                String language = "";
                if (code != null) {
                    for (String cls : code.classNames()) {
                        if (cls.startsWith("language-")) {
                            language = cls.substring("language-".length());
                        }
                    }
                }
                String text = code != null ? code.wholeText() : e.wholeText();
                String fence = text.contains("```") ? "~~~~" : "```";
                out.append(fence)
                        .append(language)
                        .append('\n')
                        .append(text.stripTrailing())
                        .append('\n')
                        .append(fence)
                        .append("\n\n");
            }
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                blocks(e, inner, "");
                for (String line : inner.toString().strip().split("\n", -1)) {
                    out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                }
                out.append('\n');
            }
            case "ul", "ol" -> {
                int n = 1;
                for (Element li : e.children()) {
                    if (!li.tagName().equals("li")) {
                        continue;
                    }
                    String marker = tag.equals("ol") ? (n++) + ". " : "- ";
                    StringBuilder item = new StringBuilder();
                    blocks(li, item, indent + " ".repeat(marker.length()));
                    String[] lines = item.toString().strip().split("\n");
                    out.append(indent).append(marker).append(lines[0]).append('\n');
                    for (int i = 1; i < lines.length; i++) {
                        out.append(lines[i].isEmpty() ? "" : " ".repeat(marker.length()) + lines[i])
                                .append('\n');
                    }
                }
                out.append('\n');
            }
            case "figure" -> {
                Element img = e.selectFirst("img");
                Element caption = e.selectFirst("figcaption");
                if (img != null) {
                    out.append(image(img)).append("\n\n");
                }
                if (caption != null && !caption.text().isBlank()) {
                    out.append('*').append(inlineOf(caption)).append("*\n\n");
                }
                if (img == null) {
                    blocks(e, out, indent);
                }
            }
            default -> blocks(e, out, indent);
        }
    }

    private static String inlineOf(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, sb);
        }
        return sb.toString().strip();
    }

    private static void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode t) {
            out.append(escape(t.text()));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.tagName().toLowerCase(Locale.ROOT)) {
            case "strong", "b" -> wrap(e, out, "**");
            case "em", "i" -> wrap(e, out, "*");
            case "del", "s" -> wrap(e, out, "~~");
            case "code" -> {
                String text = e.wholeText();
                String tick = text.contains("`") ? "``" : "`";
                out.append(tick).append(text).append(tick);
            }
            case "br" -> out.append("  \n");
            case "img" -> out.append(image(e));
            case "a" -> {
                String href = e.attr("href");
                String text = inlineOf(e);
                out.append(
                        href.isBlank()
                                ? text
                                : "[" + text + "](" + href.replace(" ", "%20").replace(")", "%29") + ")");
            }
            default -> {
                if (isBlock(e)) {
                    StringBuilder inner = new StringBuilder();
                    block(e, inner, "");
                    out.append(inner.toString().strip());
                } else {
                    for (Node child : e.childNodes()) {
                        inline(child, out);
                    }
                }
            }
        }
    }

    private static void wrap(Element e, StringBuilder out, String mark) {
        String inner = inlineOf(e);
        if (!inner.isEmpty()) {
            out.append(mark).append(inner).append(mark);
        }
    }

    private static String image(Element img) {
        return "![" + escape(img.attr("alt")) + "]("
                + img.attr("src").replace(" ", "%20").replace(")", "%29") + ")";
    }

    /** Characters that would otherwise start Markdown syntax in running text. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("_", "\\_")
                .replace("`", "\\`")
                .replace("[", "\\[")
                .replace("]", "\\]")
                .replace("<", "&lt;");
    }
}
