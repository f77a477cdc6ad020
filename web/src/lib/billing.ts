import type { components } from "../api/billing.d.ts";

// the generated schemas (what client.ts exports as BillingSchemas; imported here so unit tests need no client)
type BillingSchemas = components["schemas"];

export type Plan = BillingSchemas["PlanResponse"];
export type Subscription = BillingSchemas["SubscriptionResponse"];

export type InvoiceLine = BillingSchemas["InvoiceLine"];
export type PortalResponse = BillingSchemas["PortalResponse"];

/** An amount in minor units (cents) in its currency, with the currency's own number of decimals. */
export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  const code = (currency || "usd").toUpperCase();
  let f: Intl.NumberFormat;
  try {
    f = new Intl.NumberFormat(locale, { style: "currency", currency: code });
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${code}`;
  }
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(amountMinor / 10 ** digits);
}

/** "per month" / "per year" for a plan's interval; empty for the free tier. */
export function perInterval(interval: string | undefined): string {
  if (interval === "month") return "per month";
  if (interval === "year") return "per year";
  return "";
}

/** What a yearly plan costs per month, for comparison; null for other intervals. */
export function monthlyEquivalent(plan: Pick<Plan, "interval" | "amountMinor" | "currency">): string | null {
  if (plan.interval !== "year" || !plan.amountMinor) return null;
  return formatMoney(Math.round(plan.amountMinor / 12), plan.currency ?? "usd");
}

/** A date-time as the reader sees it on the page (the day, in UTC so server and browser agree). */
export function day(iso: string | undefined | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

const statusWords: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment overdue",
  unpaid: "Unpaid",
  canceled: "Cancelled",
  incomplete: "Waiting for payment",
  incomplete_expired: "Payment not completed",
  paused: "Paused",
  expired: "Expired",
};

export function statusLabel(status: string | undefined): string {
  if (!status) return "";
  return statusWords[status.toLowerCase()] ?? status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ");
}

export function providerLabel(provider: string | undefined): string {
  if (provider === "stripe") return "Card payment (Stripe)";
  if (provider === "manual") return "Granted by the site team";
  return provider ?? "";
}
