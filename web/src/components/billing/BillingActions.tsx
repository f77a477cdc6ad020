"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { PortalResponse } from "@/lib/billing";
import { bff } from "../csrf";

async function detailOf(r: Response, fallback: string): Promise<string> {
  const p = (await r.json().catch(() => ({}))) as { detail?: string; title?: string };
  return p.detail ?? p.title ?? `${fallback} (HTTP ${r.status})`;
}

/** Cancel at period end / resume (a Stripe subscription) and the Stripe Customer Portal. */
export function BillingActions({ canChange, cancelAtPeriodEnd, portal }: { canChange: boolean; cancelAtPeriodEnd: boolean; portal: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState("");
  async function change(cancel: boolean) {
    if (cancel && !window.confirm("Cancel at the end of the paid period? You keep premium until then.")) return;
    setBusy(true);
    try {
      const r = await bff(`/api/v1/billing/subscription/${cancel ? "cancel" : "resume"}`, { method: "POST" });
      if (!r.ok) { setMsg(await detailOf(r, "Nothing changed")); return; }
      setMsg(cancel ? "Your subscription ends at the end of the paid period." : "Your subscription renews again.");
      router.refresh();
    } catch {
      setMsg("Nothing changed: billing could not be reached.");
    } finally {
      setBusy(false);
    }
  }
  async function openPortal() {
    setBusy(true);
    try {
      const r = await bff("/api/v1/billing/portal", { method: "POST" });
      if (!r.ok) { setMsg(await detailOf(r, "The portal could not be opened")); return; }
      const { url } = (await r.json()) as PortalResponse;
      if (!url) { setMsg("The portal could not be opened: no address came back."); return; }
      setMsg("Opening Stripe…");
      window.location.assign(url);
    } catch {
      setMsg("The portal could not be opened: billing could not be reached.");
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="billing-actions">
      <div className="row">
        {canChange && (cancelAtPeriodEnd
          ? <button type="button" className="primary" disabled={busy} onClick={() => change(false)}>Keep my subscription</button>
          : <button type="button" disabled={busy} onClick={() => change(true)}>Cancel at period end</button>)}
        {portal && <button type="button" disabled={busy} onClick={openPortal}>Manage payment in Stripe</button>}
      </div>
      <noscript><p className="meta">Changing your subscription needs JavaScript.</p></noscript>
      <p role="status" className="meta">{msg}</p>
    </div>
  );
}
