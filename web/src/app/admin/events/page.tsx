import Link from "next/link";
import { requireAdmin } from "@/lib/guardAdmin";
import { csrfToken } from "@/lib/session";
import { eventServices } from "@/lib/admin";
import { LIST_LIMIT, deadLettersOf } from "@/lib/eventsAdmin";
import { Flash } from "@/components/Flash";
import { AdminAction } from "@/components/AdminAction";

export const metadata = { title: "Events", robots: { index: false } };

type SP = { notice?: string; error?: string };

export default async function Events({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const token = await requireAdmin("/admin/events");
  const all = await Promise.all(eventServices.map((s) => deadLettersOf(s, token)));
  const csrf = await csrfToken();
  const back = "/admin/events";
  return (
    <>
      <h1>Events</h1>
      <p><Link href="/admin">Administration</Link></p>
      <p>Dead letters are events a service&apos;s handler failed on again and again; replaying runs the handler once more.</p>
      <Flash error={sp.error} notice={sp.notice} />
      <table>
        <caption className="skip">Dead letters per service</caption>
        <thead><tr><th scope="col">Service</th><th scope="col">Dead letters</th></tr></thead>
        <tbody>
          {all.map((s) => (
            <tr key={s.service}>
              <th scope="row"><a href={`#events-${s.service}`}>{s.service}</a></th>
              <td data-service={s.service}>{s.error ? <span className="error">{s.error}</span> : `${s.items.length}${s.items.length >= LIST_LIMIT ? "+" : ""}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.map((s) => (
        <section key={s.service} aria-labelledby={`events-${s.service}`}>
          <h2 id={`events-${s.service}`}>{s.service}</h2>
          {s.error ? <p className="error">{s.error}</p> : s.items.length === 0 ? <p>No dead letters.</p> : (
            <ul className="cards">
              {s.items.map((d) => {
                if (!d.id) return null;
                const labelId = `dl-${s.service}-${d.id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
                return (
                  <li key={d.id} className="card dead-letter">
                    <h3 id={labelId}>{d.type || "(no type)"} from {d.producer}</h3>
                    <p className="meta">{d.id} · {d.deliveries} deliveries · dead at {d.deadAt}</p>
                    <p className="error-text">{d.error}</p>
                    <div className="actions">
                      <Link className="button" href={`/admin/events/${s.service}/${encodeURIComponent(d.id)}`} aria-describedby={labelId}>Show</Link>
                      <AdminAction action="/admin/events/act" csrf={csrf} back={back} fields={{ service: s.service, id: d.id, op: "replay" }} label="Replay" primary describedBy={labelId} />
                      <AdminAction action="/admin/events/act" csrf={csrf} back={back} fields={{ service: s.service, id: d.id, op: "delete" }} label="Delete" describedBy={labelId} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
      <h2>Replay an outbox</h2>
      <p>After Redis lost data: publish again every event a service produced since a moment (its outbox keeps them for a week). Consumers skip the ones they already handled.</p>
      <form action="/admin/events/act" method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="back" value={back} />
        <input type="hidden" name="op" value="outbox" />
        <label>Service
          <select name="service" required>{eventServices.map((s) => <option key={s}>{s}</option>)}</select>
        </label>
        <label>Since (UTC) <input name="since" type="datetime-local" required /></label>
        <button type="submit">Replay outbox</button>
      </form>
    </>
  );
}
