import Link from "next/link";
import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { problemDetail } from "@/lib/guard";
import type { PostSummary } from "@/lib/posts";

export const metadata = { title: "Your posts", robots: { index: false } };

const STATUSES = ["DRAFT", "SCHEDULED", "PUBLISHED"] as const;
type Status = (typeof STATUSES)[number];
const PAGE = 50;
/** A title search reads at most this many pages of the filtered list (the API has no text filter). */
const TEXT_PAGES = 10;

interface Filters { status?: string; tag?: string; series?: string; q?: string; cursor?: string }

function query(f: Filters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export default async function AuthorPosts({ searchParams }: { searchParams: Promise<Filters> }) {
  const token = await requireStaff("/author/posts");
  const f = await searchParams;
  const api = contentApi(token);
  const status = STATUSES.includes(f.status as Status) ? (f.status as Status) : undefined;
  const text = f.q?.trim().toLowerCase() ?? "";
  const [tags, series] = await Promise.all([api.GET("/api/v1/tags"), api.GET("/api/v1/series")]);

  let items: PostSummary[] = [];
  let next: string | undefined;
  let error = "";
  let cursor = text ? undefined : f.cursor;
  let truncated = false;
  for (let page = 0; page < (text ? TEXT_PAGES : 1); page++) {
    const { data, response } = await api.GET("/api/v1/admin/posts", {
      params: { query: { limit: PAGE, status, tag: f.tag || undefined, series: f.series || undefined, cursor } },
    });
    if (!data) { error = await problemDetail(response, "The posts could not be loaded."); break; }
    const got = (data.items ?? []) as PostSummary[];
    items.push(...(text ? got.filter((p) => (p.title ?? "").toLowerCase().includes(text)) : got));
    next = data.nextCursor ?? undefined;
    if (!next) break;
    cursor = next;
    if (text && page === TEXT_PAGES - 1) truncated = true;
  }
  if (text) next = undefined;
  const filtered = Boolean(status || f.tag || f.series || text);

  return (
    <>
      <h1>Posts</h1>
      <p><Link className="button primary" href="/author/posts/new">New post</Link></p>
      <form method="get" action="/author/posts" className="filters" aria-label="Filter posts">
        <label>Status <select name="status" defaultValue={status ?? ""}>
          <option value="">All</option>{STATUSES.map((s) => <option key={s} value={s}>{s.charAt(0) + s.slice(1).toLowerCase()}</option>)}
        </select></label>
        <label>Tag <select name="tag" defaultValue={f.tag ?? ""}>
          <option value="">All</option>{(tags.data ?? []).map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
        </select></label>
        <label>Series <select name="series" defaultValue={f.series ?? ""}>
          <option value="">All</option>{(series.data ?? []).map((s) => <option key={s.slug} value={s.slug}>{s.title}</option>)}
        </select></label>
        <label>Title contains <input type="search" name="q" defaultValue={f.q ?? ""} /></label>
        <button type="submit">Filter</button>
        {filtered && <Link href="/author/posts">Clear</Link>}
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      <p className="meta" role="status">
        {items.length} post{items.length === 1 ? "" : "s"}{filtered ? " match" + (items.length === 1 ? "es" : "") : ""}
        {truncated ? ` (searched the newest ${TEXT_PAGES * PAGE}; narrow the filters to search further)` : ""}
      </p>
      <div className="table-scroll">
        <table>
          <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col" className="wide-only">Tags</th><th scope="col" className="wide-only">Series</th><th scope="col">Published / scheduled</th></tr></thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <td><Link href={`/author/posts/${p.id}`}>{p.title}</Link></td>
                <td>{p.status}</td>
                <td className="wide-only">{(p.tags ?? []).map((t) => t.name).join(", ")}</td>
                <td className="wide-only">{p.seriesSlug ? `${p.seriesSlug}${p.seriesPosition ? ` #${p.seriesPosition}` : ""}` : ""}</td>
                <td>{(p.publishedAt ?? p.scheduledAt ?? "").slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next && <p><Link href={`/author/posts${query({ ...f, cursor: undefined }, { cursor: next })}`}>Next page</Link></p>}
    </>
  );
}
