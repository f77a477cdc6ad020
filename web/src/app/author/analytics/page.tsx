import Link from "next/link";
import { contentApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { problemDetail } from "@/lib/guard";
import { ViewsChart } from "@/components/author/ViewsChart";

export const metadata = { title: "Analytics", robots: { index: false } };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default async function Analytics({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const token = await requireStaff("/author/analytics");
  const sp = await searchParams;
  const range = { from: sp.from && DATE.test(sp.from) ? sp.from : undefined, to: sp.to && DATE.test(sp.to) ? sp.to : undefined };
  const api = contentApi(token);
  const [views, top, referrers, reactions] = await Promise.all([
    api.GET("/api/v1/admin/analytics/views", { params: { query: range } }),
    api.GET("/api/v1/admin/analytics/top-posts", { params: { query: { ...range, limit: 10 } } }),
    api.GET("/api/v1/admin/analytics/referrers", { params: { query: { ...range, limit: 10 } } }),
    api.GET("/api/v1/admin/analytics/reactions", { params: { query: { ...range, limit: 10 } } }),
  ]);
  const error = views.data ? "" : await problemDetail(views.response, "The analytics could not be loaded.");
  const v = views.data;
  const days = v?.days ?? [];
  const reactionTypes = Object.keys(reactions.data?.byType ?? {});

  return (
    <>
      <h1>Analytics</h1>
      <form method="get" action="/author/analytics" className="filters" aria-label="Date range">
        <label>From <input type="date" name="from" defaultValue={v?.from ?? range.from ?? ""} /></label>
        <label>To <input type="date" name="to" defaultValue={v?.to ?? range.to ?? ""} /></label>
        <button type="submit">Show</button>
        {(range.from || range.to) && <Link href="/author/analytics">Last 30 days</Link>}
      </form>
      <p className="meta">Days are UTC; each reader counts once per post and day, and known bots not at all.</p>
      {error && <p className="error" role="alert">{error}</p>}
      {v && (
        <section aria-labelledby="views-heading">
          <h2 id="views-heading">Views: <span data-total>{v.total}</span> from {v.from} to {v.to}</h2>
          <ViewsChart days={days} total={v.total ?? 0} />
          <details open>
            <summary>Views per day as a table</summary>
            <div className="table-scroll tall" role="region" aria-label="Views per day table" tabIndex={0}>
              <table>
                <thead><tr><th scope="col">Day (UTC)</th><th scope="col">Views</th></tr></thead>
                <tbody>{days.slice().reverse().map((d) => <tr key={d.day}><td>{d.day}</td><td>{d.views}</td></tr>)}</tbody>
              </table>
            </div>
          </details>
        </section>
      )}
      <div className="grid-2">
        <section aria-labelledby="top-heading">
          <h2 id="top-heading">Top posts</h2>
          {top.data ? (
            top.data.items?.length ? (
              <table>
                <thead><tr><th scope="col">Post</th><th scope="col">Views</th></tr></thead>
                <tbody>{top.data.items.map((p) => <tr key={p.id}><td><Link href={`/posts/${p.slug}`}>{p.title}</Link></td><td>{p.views}</td></tr>)}</tbody>
              </table>
            ) : <p className="meta">No views in this range.</p>
          ) : <p className="error">{await problemDetail(top.response, "Top posts could not be loaded.")}</p>}
        </section>
        <section aria-labelledby="ref-heading">
          <h2 id="ref-heading">Referrers</h2>
          {referrers.data ? (
            <table>
              <thead><tr><th scope="col">From</th><th scope="col">Views</th></tr></thead>
              <tbody>
                <tr><td>Direct or this site</td><td>{referrers.data.direct}</td></tr>
                {(referrers.data.items ?? []).map((r) => <tr key={r.host}><td>{r.host}</td><td>{r.views}</td></tr>)}
              </tbody>
            </table>
          ) : <p className="error">{await problemDetail(referrers.response, "Referrers could not be loaded.")}</p>}
        </section>
      </div>
      <section aria-labelledby="reactions-heading">
        <h2 id="reactions-heading">Reactions{reactions.data ? `: ${reactions.data.total}` : ""}</h2>
        {reactions.data ? (
          <>
            <p>{reactionTypes.map((t) => `${t.charAt(0) + t.slice(1).toLowerCase()}: ${reactions.data?.byType?.[t] ?? 0}`).join(" · ")}</p>
            {(reactions.data.topPosts ?? []).length > 0 && (
              <table>
                <thead><tr><th scope="col">Post</th><th scope="col">Reactions</th>{reactionTypes.map((t) => <th key={t} scope="col">{t.charAt(0) + t.slice(1).toLowerCase()}</th>)}</tr></thead>
                <tbody>{(reactions.data.topPosts ?? []).map((p) => (
                  <tr key={p.id}><td><Link href={`/posts/${p.slug}`}>{p.title}</Link></td><td>{p.total}</td>{reactionTypes.map((t) => <td key={t}>{p.byType?.[t] ?? 0}</td>)}</tr>
                ))}</tbody>
              </table>
            )}
          </>
        ) : <p className="error">{await problemDetail(reactions.response, "Reactions could not be loaded.")}</p>}
      </section>
    </>
  );
}
