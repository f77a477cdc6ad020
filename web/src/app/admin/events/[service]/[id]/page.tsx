import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/guardAdmin";
import { csrfToken } from "@/lib/session";
import { problemDetail } from "@/lib/guard";
import { isService } from "@/lib/admin";
import { eventsApi, type DeadLetter } from "@/lib/eventsAdmin";
import { Flash } from "@/components/Flash";
import { AdminAction } from "@/components/AdminAction";

export const metadata = { title: "Dead letter", robots: { index: false } };

type SP = { notice?: string; error?: string };

function pretty(payload: string | undefined): string {
  if (!payload) return "";
  try { return JSON.stringify(JSON.parse(payload), null, 2); } catch { return payload; }
}

export default async function DeadLetterPage({ params, searchParams }: { params: Promise<{ service: string; id: string }>; searchParams: Promise<SP> }) {
  const { service, id: rawId } = await params;
  const id = (() => { try { return decodeURIComponent(rawId); } catch { return rawId; } })();
  const sp = await searchParams;
  if (!isService(service)) notFound();
  const here = `/admin/events/${service}/${encodeURIComponent(id)}`;
  const token = await requireAdmin(here);
  const { data, error, response } = await eventsApi(service, token).GET("/api/v1/admin/events/dead-letters/{id}", { params: { path: { id } } });
  const d = data as DeadLetter | undefined;
  const csrf = await csrfToken();
  if (!d) {
    const why = response.status === 404 ? "No such dead letter: it was replayed or deleted." : await problemDetail(response, `${service} answered ${response.status}.`, error);
    return (
      <>
        <h1>Dead letter</h1>
        <Flash error={sp.error} notice={sp.notice} />
        <p className="error" role="alert">{why}</p>
        <p><Link href="/admin/events">All dead letters</Link></p>
      </>
    );
  }
  const rows: [string, string | number | undefined][] = [
    ["Service (consumer)", `${service} (${d.group})`], ["Producer", d.producer], ["Event type", d.type], ["Event id", d.eventId],
    ["Aggregate", d.aggregateId], ["Stream entry", d.originalId], ["Deliveries", d.deliveries], ["Dead at", d.deadAt],
  ];
  return (
    <>
      <h1>Dead letter {d.id}</h1>
      <p><Link href="/admin/events">All dead letters</Link></p>
      <Flash error={sp.error} notice={sp.notice} />
      <table>
        <tbody>{rows.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody>
      </table>
      <h2>Error</h2>
      <pre className="payload">{d.error}</pre>
      <h2>Payload</h2>
      <pre className="payload">{pretty(d.payload)}</pre>
      <div className="actions">
        <AdminAction action="/admin/events/act" csrf={csrf} back={here} fields={{ service, id, op: "replay" }} label="Replay" primary />
        <AdminAction action="/admin/events/act" csrf={csrf} back={here} fields={{ service, id, op: "delete" }} label="Delete" />
      </div>
    </>
  );
}
