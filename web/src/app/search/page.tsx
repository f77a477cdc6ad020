import Link from "next/link";
import { contentApi } from "@/api/client";
import { snippetParts } from "@/lib/snippet";
import { accessToken } from "@/lib/session";

export const metadata = { title: "Search", description: "Full-text search over every post." };

export default async function Search({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const q = ((await searchParams).q ?? "").trim();
  const results = q ? (await contentApi(await accessToken()).GET("/api/v1/search", { params: { query: { q, limit: 20 } } })).data : undefined;
  return (
    <>
      <h1>Search</h1>
      <form action="/search" method="get" role="search">
        <label htmlFor="q">Search posts </label>
        <input id="q" name="q" type="search" defaultValue={q} />
        <button type="submit">Search</button>
      </form>
      {q && (
        <ul className="cards" aria-label="Results">
          {(results?.items ?? []).map((h) => (
            <li key={h.id} className="card">
              <h2><Link href={`/posts/${h.slug}`}>{h.title}</Link></h2>
              <p>{snippetParts(h.snippet ?? h.excerpt ?? "").map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</p>
            </li>
          ))}
          {(results?.items ?? []).length === 0 && <li>Nothing found for “{q}”.</li>}
        </ul>
      )}
    </>
  );
}
