import Link from "next/link";
import { contentApi, type ContentSchemas } from "@/api/client";
import { requireEditor } from "@/lib/guardAdmin";
import { csrfToken } from "@/lib/session";
import { problemDetail } from "@/lib/guard";
import { redirectKinds, redirectKind, publicPath } from "@/lib/admin";
import { Flash } from "@/components/Flash";
import { AdminAction } from "@/components/AdminAction";

export const metadata = { title: "Redirects", robots: { index: false } };

type Redirect = ContentSchemas["RedirectResponse"];
type SP = { kind?: string; notice?: string; error?: string };

export default async function Redirects({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const kind = redirectKind(sp.kind);
  const back = kind ? `/admin/redirects?kind=${kind}` : "/admin/redirects";
  const token = await requireEditor(back);
  const { data, error, response } = await contentApi(token).GET("/api/v1/admin/redirects", { params: { query: kind ? { kind } : {} } });
  const items = (data ?? []) as Redirect[];
  const failed = data ? undefined : await problemDetail(response, `Content answered ${response.status}.`, error);
  const csrf = await csrfToken();
  return (
    <>
      <h1>Redirects</h1>
      <p><Link href="/admin">Administration</Link></p>
      <Flash error={sp.error ?? failed} notice={sp.notice} />
      <h2>Add a redirect</h2>
      <p>An old slug that is no longer in use leads to a live one with a permanent redirect. Renaming a slug adds one by itself.</p>
      <form action="/admin/redirects/act" method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="back" value={back} />
        <input type="hidden" name="op" value="create" />
        <label>What it leads to
          <select name="kind" defaultValue={kind ?? "POST"}>{redirectKinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}</select>
        </label>
        <label>From (old slug) <input name="fromSlug" required maxLength={200} /></label>
        <label>To (live slug) <input name="toSlug" required maxLength={200} /></label>
        <button className="primary" type="submit">Add redirect</button>
      </form>
      <h2>Redirects ({items.length})</h2>
      <form method="get" action="/admin/redirects" className="row">
        <label htmlFor="kind-filter">Show</label>
        <select id="kind-filter" name="kind" defaultValue={kind ?? ""}>
          <option value="">All kinds</option>
          {redirectKinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </select>
        <button type="submit">Filter</button>
      </form>
      {items.length === 0 && !failed ? <p>No redirects.</p> : (
        <table className="stacked">
          <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Made</th><th scope="col"><span className="skip">Actions</span></th></tr></thead>
          <tbody>
            {items.map((r) => r.id && (
              <tr key={r.id}>
                <td id={`from-${r.id}`}>{publicPath(r.kind, r.fromSlug)}</td>
                <td><Link href={publicPath(r.kind, r.toSlug)}>{publicPath(r.kind, r.toSlug)}</Link></td>
                <td>{r.automatic ? "on a rename" : "by hand"}, {r.createdAt?.slice(0, 10)}</td>
                <td><AdminAction action="/admin/redirects/act" csrf={csrf} back={back} fields={{ op: "delete", id: r.id, kind: r.kind ?? "", fromSlug: r.fromSlug ?? "" }} label="Delete" describedBy={`from-${r.id}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
