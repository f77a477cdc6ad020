import Link from "next/link";
import { notifyApi } from "@/api/client";
import { requireStaff } from "@/lib/guardPage";
import { problemDetail } from "@/lib/guard";

export const metadata = { title: "Newsletter issue", robots: { index: false } };

export default async function Issue({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = await requireStaff(`/author/newsletter/${id}`);
  const { data, response } = await notifyApi(token).GET("/api/v1/newsletter/issues/{id}", { params: { path: { id } } });
  if (!data) {
    return (<><h1>Newsletter issue</h1><p className="error" role="alert">{await problemDetail(response, "The issue could not be loaded.")}</p></>);
  }
  const counts: [string, number | undefined][] = [["Recipients", data.recipients], ["Waiting", data.pending], ["Queued", data.queued], ["Sent", data.sent], ["Failed", data.failed], ["Skipped", data.skipped]];
  const done = (data.pending ?? 0) + (data.queued ?? 0) === 0;
  return (
    <>
      <h1>Issue: {data.subject}</h1>
      <p className="meta"><Link href="/author/newsletter">All issues</Link> · <Link href={`/author/newsletter/${id}`}>Refresh the status</Link></p>
      <p role="status">{done ? "Delivery finished." : "Delivery in progress: refresh to follow it."}</p>
      <dl className="counts">
        {counts.map(([label, n]) => <div key={label}><dt>{label}</dt><dd>{n ?? 0}</dd></div>)}
      </dl>
      {(data.deliveries ?? []).length > 0 && (
        <div className="table-scroll">
          <table>
            <thead><tr><th scope="col">Subscriber</th><th scope="col">Status</th><th scope="col">Error</th></tr></thead>
            <tbody>{(data.deliveries ?? []).map((d) => <tr key={d.subscriberId}><td>{d.email ?? "(removed)"}</td><td>{d.status}</td><td>{d.error ?? ""}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
