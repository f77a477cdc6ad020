"use client";
import { useState } from "react";
import type { BillingSchemas } from "@/api/client";
import { bff } from "../csrf";

/** Starts a Stripe Checkout for a plan and sends the browser there (or to the portal for a subscriber). */
export function SubscribeButton({ plan, planName }: { plan: string; planName: string }) {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState("");
  async function start() {
    setBusy(true);
    setMsg("");
    try {
      const r = await bff("/api/v1/billing/checkout", { method: "POST", body: JSON.stringify({ plan }) });
      if (r.status === 401) {
        window.location.assign(`/signin?next=${encodeURIComponent("/pricing")}`);
        return;
      }
      if (!r.ok) {
        const p = (await r.json().catch(() => ({}))) as { detail?: string; title?: string };
        setMsg(p.detail ?? p.title ?? `Checkout could not start (HTTP ${r.status}).`);
        return;
      }
      const started = (await r.json()) as BillingSchemas["CheckoutResponse"];
      if (!started.url) { setMsg("Checkout could not start: no address came back."); return; }
      setMsg(started.kind === "PORTAL" ? "You already subscribe: opening your subscription settings…" : "Opening the secure checkout…");
      window.location.assign(started.url);
    } catch {
      setMsg("Checkout could not start; check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="subscribe">
      <button type="button" className="primary" onClick={start} disabled={busy} aria-label={`Subscribe: ${planName}`}>Subscribe</button>
      <noscript><p className="meta">Subscribing needs JavaScript.</p></noscript>
      <p role="status" className="meta">{msg}</p>
    </div>
  );
}
