// Search snippets arrive from content with matches wrapped in <mark>…</mark> (PostgreSQL ts_headline) or
// plain; turn them into text parts so React escapes everything and only the marks are markup.
export interface Part { text: string; mark: boolean }

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
  return parts.filter((p) => p.text.length > 0);
}

/** Marks the query's words in plain text when the service sent no marks. */
export function highlightTerms(text: string, query: string): Part[] {
  const words = query.toLowerCase().split(/\W+/).filter((w) => w.length > 1);
  if (!words.length) return [{ text, mark: false }];
  const re = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "gi");
  return text.split(re).filter(Boolean).map((t) => ({ text: t, mark: words.includes(t.toLowerCase()) }));
}
