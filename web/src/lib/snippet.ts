// Search snippets arrive from content as HTML whose only markup is <mark>…</mark> around the matches
// (the text between is escaped: &lt; &gt; &amp; &quot; &#39;), or as plain text; turn them into text
// parts so React escapes everything and only the marks are markup.
export interface Part { text: string; mark: boolean }

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The escaped text of a snippet as plain text again (React escapes it once more when it renders). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#")) {
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

export function snippetParts(snippet: string, startTag = "<mark>", endTag = "</mark>"): Part[] {
  const parts: Part[] = [];
  let rest = snippet;
  while (rest.length) {
    const s = rest.indexOf(startTag);
    if (s < 0) { parts.push({ text: rest, mark: false }); break; }
    if (s > 0) parts.push({ text: rest.slice(0, s), mark: false });
    const e = rest.indexOf(endTag, s + startTag.length);
    if (e < 0) { parts.push({ text: rest.slice(s + startTag.length), mark: true }); break; }
    parts.push({ text: rest.slice(s + startTag.length, e), mark: true });
    rest = rest.slice(e + endTag.length);
  }
  return parts.filter((p) => p.text.length > 0).map((p) => ({ ...p, text: decodeEntities(p.text) }));
}

/** Marks the query's words in plain text when the service sent no marks. */
export function highlightTerms(text: string, query: string): Part[] {
  const words = query.toLowerCase().split(/\W+/).filter((w) => w.length > 1);
  if (!words.length) return [{ text, mark: false }];
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
  return text.split(re).filter(Boolean).map((t) => ({ text: t, mark: words.includes(t.toLowerCase()) }));
}
