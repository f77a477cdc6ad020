import Link from "next/link";
import { billingApi } from "@/api/client";
import { BillingActions } from "@/components/billing/BillingActions";
import { day, formatMoney, providerLabel, statusLabel, type InvoiceLine, type Subscription } from "@/lib/billing";
import { requireUser } from "@/lib/guardPage";
import { readClaims } from "@/lib/jwt";
import { csrfToken } from "@/lib/session";

export const metadata = { title: "Billing", robots: { index: false } };
export const dynamic = "force-dynamic";

function detail(error: unknown, fallback: string): string {
  const p = error as { detail?: string; title?: string } | undefined;
  return p?.detail ?? p?.title ?? fallback;
}

export default async function Billing({ searchParams }: { searchParams: Promise<{ checkout?: string; refreshed?: string }> }) {
  const token = await requireUser("/account/billing");
  const params = await searchParams;
  const api = billingApi(token);
  let tier = "";
  let current: Subscription | undefined;
  let history: Subscription[] = [];
  let invoices: InvoiceLine[] = [];
  let statusProblem = "";
  let invoiceProblem = "";
  const planNames = new Map<string, string>([["manual", "Premium (granted)"]]);
  const planName = (id: string | undefined) => (id ? planNames.get(id) ?? id : "");
  try {
    const [status, inv, plans] = await Promise.all([
      api.GET("/api/v1/billing/subscription"),
      api.GET("/api/v1/billing/invoices"),
      billingApi(undefined, { tags: ["plans"], revalidate: 300 }).GET("/api/v1/billing/plans"),
    ]);
    for (const p of plans.data?.plans ?? []) if (p.id && p.name) planNames.set(p.id, p.name);
    if (status.data) {
      tier = status.data.tier ?? "free";
      current = status.data.subscription;
      history = status.data.history ?? [];
    } else {
      statusProblem = detail(status.error, `Your subscription could not be loaded (HTTP ${status.response.status}).`);
    }
    // billing.json has no 200 body for /invoices (see lib/billing.ts): read what the service sent
    if (inv.response.ok) invoices = ((inv.data as unknown) ?? []) as InvoiceLine[];
    else invoiceProblem = detail(inv.error, `Your invoices could not be loaded (HTTP ${inv.response.status}).`);
  } catch {
    statusProblem = "Billing is unreachable right now; please try again in a minute.";
  }
  const premium = tier === "premium";
  const tokenTier = readClaims(token)?.tier ?? "free";
  const stale = !statusProblem && tokenTier !== tier;
  const stripeCustomer = history.some((s) => s.provider === "stripe");
  const earlier = history.filter((s) => s.id !== current?.id);
  return (
    <>
      <h1>Billing</h1>
      {params.checkout === "success" && <p className="notice" role="status">Thank you! Your payment went through; premium starts as soon as Stripe confirms it, usually within a minute.</p>}
      {params.checkout === "cancelled" && <p className="notice" role="status">Checkout was cancelled; nothing was charged.</p>}
      {params.refreshed === "1" && !stale && <p className="notice" role="status">Your session is up to date.</p>}
      {statusProblem && <p className="error" role="alert">{statusProblem}</p>}
      {!statusProblem && (
        <section aria-labelledby="plan-h" className="card">
          <h2 id="plan-h">Your plan: {premium ? "Premium" : "Free"}</h2>
          {current ? (
            <dl className="facts">
              <dt>Plan</dt><dd>{planName(current.plan)}</dd>
              <dt>Paid by</dt><dd>{providerLabel(current.provider)}</dd>
              <dt>Status</dt><dd>{statusLabel(current.status)}{current.provider === "stripe" && current.cancelAtPeriodEnd ? ", cancelled at period end" : ""}</dd>
              {current.currentPeriodEnd && (
                <><dt>{current.provider === "manual" ? "Until" : current.cancelAtPeriodEnd ? "Ends on" : "Renews on"}</dt><dd><time dateTime={current.currentPeriodEnd}>{day(current.currentPeriodEnd)}</time></dd></>
              )}
            </dl>
          ) : (
            <p>You read every free post. <Link href="/pricing">See the plans</Link> to unlock the premium ones.</p>
          )}
          {stale && (
            <form action="/account/billing/refresh" method="post" className="notice">
              <p>{premium ? "Premium is active, but this browser still has your earlier access." : "Your access changed since you signed in."} Refresh your session to see premium posts accordingly.</p>
              <input type="hidden" name="csrf" value={await csrfToken()} />
              <button type="submit" className="primary">Refresh my access</button>
            </form>
          )}
          {(current?.provider === "stripe" || stripeCustomer) && <BillingActions canChange={current?.provider === "stripe"} cancelAtPeriodEnd={Boolean(current?.cancelAtPeriodEnd)} portal={stripeCustomer} />}
        </section>
      )}
      <h2>Invoices</h2>
      {invoiceProblem ? <p className="error">{invoiceProblem}</p> : invoices.length === 0 ? <p className="meta">No invoices yet.</p> : (
        <div className="table-wrap">
          <table>
            <caption className="skip">Your invoices, newest first</caption>
            <thead><tr><th scope="col">Date</th><th scope="col">Invoice</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Links</th></tr></thead>
            <tbody>
              {invoices.map((i) => (
                <tr key={i.id}>
                  <td><time dateTime={i.created}>{day(i.created)}</time></td>
                  <td>{i.number ?? i.id}</td>
                  <td>{formatMoney(i.amountPaid || i.amountDue || 0, i.currency ?? "usd")}</td>
                  <td>{statusLabel(i.status ?? undefined)}</td>
                  <td>
                    {i.hostedInvoiceUrl && <a href={i.hostedInvoiceUrl} rel="noopener noreferrer">View<span className="skip"> invoice {i.number ?? i.id}</span></a>}
                    {i.hostedInvoiceUrl && i.invoicePdf && " · "}
                    {i.invoicePdf && <a href={i.invoicePdf} rel="noopener noreferrer">PDF<span className="skip"> of invoice {i.number ?? i.id}</span></a>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {earlier.length > 0 && (
        <>
          <h2>Earlier subscriptions</h2>
          <div className="table-wrap">
            <table>
              <caption className="skip">Earlier subscriptions</caption>
              <thead><tr><th scope="col">Plan</th><th scope="col">Paid by</th><th scope="col">Status</th><th scope="col">Ended</th></tr></thead>
              <tbody>
                {earlier.map((s) => (
                  <tr key={s.id}>
                    <td>{planName(s.plan)}</td>
                    <td>{providerLabel(s.provider)}</td>
                    <td>{statusLabel(s.status)}</td>
                    <td>{s.endedAt ? <time dateTime={s.endedAt}>{day(s.endedAt)}</time> : s.currentPeriodEnd ? <time dateTime={s.currentPeriodEnd}>{day(s.currentPeriodEnd)}</time> : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
