import Link from "next/link";
import { aiApi, contentApi, type AiSchemas, type ContentSchemas } from "@/api/client";
import { highlightTerms, snippetParts, type Part } from "@/lib/snippet";
import { accessToken } from "@/lib/session";

export const metadata = { title: "Search", description: "Search every post by meaning and by keyword." };

type Mode = "hybrid" | "keyword";
interface Result { key: string; href: string; title: string; section?: string; premium?: boolean; parts: Part[] }

function marks(parts: Part[]) {
  return parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>));
}

/** Hybrid search (ai-service: meaning + full text); null when ai-service cannot answer. */
async function hybrid(q: string, token: string | undefined): Promise<Result[] | null> {
  try {
    const { data } = await aiApi(token).GET("/api/v1/hybrid-search", { params: { query: { q, limit: 20, mode: "hybrid" } } });
    if (!data) return null;
    return (data.results ?? []).map((h: AiSchemas["SearchHit"]) => ({
      key: h.postId ?? h.url ?? h.title ?? "",
      href: h.url ?? `/posts/${h.slug}`,
      title: h.title ?? "",
      section: h.headingPath && h.headingPath !== h.title ? h.headingPath : undefined,
      premium: h.premium,
      // passages arrive as plain text: the query's words are marked here
      parts: highlightTerms(h.snippet ?? "", q),
    }));
  } catch {
    return null;
  }
}

async function keyword(q: string, token: string | undefined): Promise<Result[] | null> {
  const { data } = await contentApi(token).GET("/api/v1/search", { params: { query: { q, limit: 20 } } });
  if (!data) return null;
  return (data.items ?? []).map((h: ContentSchemas["Hit"]) => ({
    key: h.id ?? h.slug ?? "",
    href: `/posts/${h.slug}`,
    title: h.title ?? "",
    premium: h.premium,
    parts: snippetParts(h.snippet ?? h.excerpt ?? ""),
  }));
}

// Server-rendered (works with JavaScript off): ?q= and ?mode=keyword. Hybrid is the default; when
// ai-service does not answer, the keyword results are shown with a note.
export default async function Search({ searchParams }: { searchParams: Promise<{ q?: string; mode?: string }> }) {
  const params = await searchParams;
  const q = (params.q ?? "").trim().slice(0, 500);
  const asked: Mode = params.mode === "keyword" ? "keyword" : "hybrid";
  const token = await accessToken();
  let mode: Mode = asked;
  let results: Result[] | null = null;
  let fellBack = false;
  if (q) {
    if (asked === "hybrid") {
      results = await hybrid(q, token);
      if (!results) { fellBack = true; mode = "keyword"; }
    }
    if (mode === "keyword") results = await keyword(q, token);
  }
  const qs = (m: Mode) => `/search?${new URLSearchParams({ ...(q ? { q } : {}), ...(m === "keyword" ? { mode: "keyword" } : {}) })}`;
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search">
        <label htmlFor="q">Search posts </label>
        <input id="q" name="q" type="search" defaultValue={q} maxLength={500} />
        {asked === "keyword" && <input type="hidden" name="mode" value="keyword" />}
        <button type="submit">Search</button>
      </form>
      <nav aria-label="Search mode" className="search-modes">
        <Link href={qs("hybrid")} aria-current={asked === "hybrid" ? "page" : undefined}>By meaning and keywords</Link>
        <Link href={qs("keyword")} aria-current={asked === "keyword" ? "page" : undefined}>Keywords only</Link>
      </nav>
      {fellBack && <p className="notice">Search by meaning is unavailable right now, so these are keyword matches only.</p>}
      {q && (
        <>
          <p role="status" className="meta">
            {results === null
              ? "Search is unavailable right now; please try again in a minute."
              : `${results.length} ${results.length === 1 ? "post" : "posts"} for “${q}” (${mode === "hybrid" ? "by meaning and keywords" : "keywords only"}).`}
          </p>
          <ul className="cards" aria-label="Results">
            {(results ?? []).map((h) => (
              <li key={h.key} className="card">
                <h2><Link href={h.href}>{h.title}</Link></h2>
                {(h.section || h.premium) && <p className="meta">{h.section}{h.section && h.premium ? " · " : ""}{h.premium ? "Premium" : ""}</p>}
                <p>{marks(h.parts)}</p>
              </li>
            ))}
            {results !== null && results.length === 0 && <li>Nothing found for “{q}”.{mode === "keyword" && <> Try <Link href={qs("hybrid")}>searching by meaning</Link>.</>}</li>}
          </ul>
        </>
      )}
    </>
  );
}
