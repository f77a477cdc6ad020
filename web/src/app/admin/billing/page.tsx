import Link from "next/link";
import { billingApi, type BillingSchemas } from "@/api/client";
import { requireAdmin } from "@/lib/guardAdmin";
import { csrfToken } from "@/lib/session";
import { problemDetail } from "@/lib/guard";
import { intParam } from "@/lib/admin";
import { Flash } from "@/components/Flash";

export const metadata = { title: "Billing", robots: { index: false } };

// The document types the subscriber list loosely (no 200 schema); its items are SubscriberResponse.
type Subscriber = BillingSchemas["SubscriberResponse"];
type SP = { status?: string; offset?: string; userId?: string; notice?: string; error?: string };

const LIMIT = 50;
const STATUSES = ["active", "trialing", "past_due", "canceled", "expired", "incomplete", "incomplete_expired", "unpaid", "paused"];

export default async function Billing({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const status = sp.status && /^[a-z_]{1,32}$/.test(sp.status) ? sp.status : undefined;
  const offset = intParam(sp.offset, 0, 0, 1_000_000);
  const here = (o: number) => `/admin/billing?${new URLSearchParams({ ...(status ? { status } : {}), ...(o ? { offset: String(o) } : {}) })}`;
  const back = here(offset);
  const token = await requireAdmin(back);
  const { data, error, response } = await billingApi(token).GET("/api/v1/billing/admin/subscribers", { params: { query: { limit: LIMIT, offset, ...(status ? { status } : {}) } } });
  const items = (Array.isArray(data) ? data : []) as Subscriber[];
  const failed = Array.isArray(data) ? undefined : await problemDetail(response, `Billing answered ${response.status}.`, error);
  const csrf = await csrfToken();
  const inAMonth = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 16);
  return (
    <>
      <h1>Billing</h1>
      <p><Link href="/admin">Administration</Link></p>
      <Flash error={sp.error ?? failed} notice={sp.notice} />
      <h2>Grant premium by hand</h2>
      <p>Until an expiry; an active grant of the same person is extended. Find a person&apos;s id on <Link href="/admin/users">Users</Link>.</p>
      <form action="/admin/billing/act" method="post" className="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="back" value={back} />
        <input type="hidden" name="op" value="grant" />
        <label>User id <input name="userId" required defaultValue={sp.userId ?? ""} pattern="[0-9a-fA-F-]{36}" /></label>
        <label>Until (UTC) <input name="expiresAt" type="datetime-local" required defaultValue={inAMonth} /></label>
        <label>Note <input name="note" required maxLength={500} /></label>
        <button className="primary" type="submit">Grant premium</button>
      </form>
      <h2>Subscriptions</h2>
      <form method="get" action="/admin/billing" className="row">
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={status ?? ""}>
          <option value="">All</option>
          {STATUSES.map((s) => <option key={s}>{s}</option>)}
        </select>
        <button type="submit">Filter</button>
      </form>
      {items.length === 0 && !failed ? <p>No subscriptions.</p> : (
        <ul className="cards">
          {items.map((s) => s.subscriptionId && (
            <li key={s.subscriptionId} className="card">
              <h3 id={`sub-${s.subscriptionId}`}>{s.plan} · {s.provider} · {s.status}</h3>
              <p className="meta">
                User {s.userId} · since {s.createdAt?.slice(0, 10)}
                {s.currentPeriodEnd && <> · until {s.currentPeriodEnd.slice(0, 16).replace("T", " ")}</>}
                {s.cancelAtPeriodEnd && " (ends then)"}{s.endedAt && <> · ended {s.endedAt.slice(0, 10)}</>}
              </p>
              {s.note && <p>Note: {s.note}</p>}
              {s.provider === "manual" && ["active", "trialing", "past_due"].includes(s.status ?? "") && (
                <form action="/admin/billing/act" method="post" className="row">
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="back" value={back} />
                  <input type="hidden" name="op" value="revoke" />
                  <input type="hidden" name="id" value={s.subscriptionId} />
                  <label htmlFor={`note-${s.subscriptionId}`}>Why revoke</label>
                  <input id={`note-${s.subscriptionId}`} name="note" required maxLength={500} />
                  <button type="submit" aria-describedby={`sub-${s.subscriptionId}`}>Revoke</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="row">
        {offset > 0 && <Link href={here(Math.max(0, offset - LIMIT))}>Previous page</Link>}
        {items.length === LIMIT && <Link href={here(offset + LIMIT)}>Next page</Link>}
      </nav>
    </>
  );
}
