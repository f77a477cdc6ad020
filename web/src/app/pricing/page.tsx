import Link from "next/link";
import { billingApi } from "@/api/client";
import { SubscribeButton } from "@/components/billing/SubscribeButton";
import { formatMoney, monthlyEquivalent, perInterval, type Plan } from "@/lib/billing";

export const metadata = { title: "Plans", description: "Free and premium membership: what each gives and what it costs." };

// Public and the same for everyone: cached like billing's own answer (5 minutes).
export const revalidate = 300;

export default async function Pricing() {
  let plans: Plan[] = [];
  let stripe = false;
  let manual = false;
  let problem = "";
  try {
    const { data, error, response } = await billingApi(undefined, { tags: ["plans"], revalidate: 300 }).GET("/api/v1/billing/plans");
    if (data) {
      plans = data.plans ?? [];
      stripe = Boolean(data.providers?.stripe);
      manual = Boolean(data.providers?.manual);
    } else {
      problem = (error as { detail?: string } | undefined)?.detail ?? `The plans could not be loaded (HTTP ${response.status}).`;
    }
  } catch {
    problem = "The plans could not be loaded; billing is unreachable right now.";
  }
  return (
    <>
      <h1>Plans</h1>
      <p>Every free post and series is open to everyone. Premium membership unlocks every premium post and series too.</p>
      {problem && <p className="error" role="alert">{problem}</p>}
      {plans.length > 0 && (
        <ul className="cards plans" aria-label="Plans">
          {plans.map((p) => {
            const monthly = monthlyEquivalent(p);
            const free = p.tier === "free";
            return (
              <li key={p.id} className="card plan">
                <h2>{p.name}</h2>
                <p className="price">
                  <strong>{formatMoney(p.amountMinor ?? 0, p.currency ?? "usd")}</strong>
                  {perInterval(p.interval) && <> {perInterval(p.interval)}</>}
                </p>
                {monthly && <p className="meta">That is {monthly} a month, billed once a year.</p>}
                <p>{free ? "Every free post and series, comments, reactions and Ask AI." : "Everything in Free, plus every premium post and series."}</p>
                {free ? <p><Link href="/register">Create a free account</Link></p> : <SubscribeButton plan={p.id ?? ""} planName={p.name ?? ""} />}
              </li>
            );
          })}
        </ul>
      )}
      {!problem && !stripe && plans.length > 0 && <p className="meta">Card payments are not set up on this site yet{manual ? "; the site team can grant premium by hand" : ""}.</p>}
      <p>Already a member? <Link href="/account/billing">See your subscription</Link>.</p>
    </>
  );
}
