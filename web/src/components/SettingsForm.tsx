"use client";
import { useState } from "react";
import type { IdentitySchemas } from "@/api/client";
import { bff } from "./csrf";

export function SettingsForm({ profile, settings }: { profile?: IdentitySchemas["ProfileResponse"]; settings?: IdentitySchemas["SettingsBody"] }) {
  const [displayName, setDisplayName] = useState(profile?.displayName ?? "");
  const [timeZone, setTimeZone] = useState(profile?.timeZone ?? "UTC");
  const [s, setS] = useState<Partial<IdentitySchemas["SettingsBody"]>>(settings ?? {});
  const [msg, setMsg] = useState("");
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const a = await bff("/api/v1/users/me", { method: "PATCH", body: JSON.stringify({ displayName, timeZone }) });
    const b = await bff("/api/v1/settings", { method: "PUT", body: JSON.stringify(s) });
    if (a.ok && b.ok) setMsg("Saved.");
    else { const p = await (a.ok ? b : a).json().catch(() => ({})); setMsg(p.detail ?? "Not saved."); }
  }
  const flag = (k: keyof IdentitySchemas["SettingsBody"], label: string) => (
    <label><span><input type="checkbox" checked={Boolean(s[k])} onChange={(e) => setS({ ...s, [k]: e.target.checked })} /> {label}</span></label>
  );
  return (
    <form className="stack" onSubmit={save}>
      <p className="meta">Signed in as {profile?.email}{profile?.emailVerified ? " (verified)" : ""}</p>
      <label>Display name <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} required maxLength={100} /></label>
      <label>Time zone <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} /></label>
      {flag("digestOptIn", "Send me a digest")}
      <label>Digest frequency <select value={s.digestFrequency ?? "weekly"} onChange={(e) => setS({ ...s, digestFrequency: e.target.value })}><option>daily</option><option>weekly</option></select></label>
      {flag("newsletterOptIn", "Newsletter")}
      {flag("notificationEmails", "Email me notifications")}
      {flag("commentReplyEmails", "Email me replies to my comments")}
      <button className="primary" type="submit">Save settings</button>
      <p role="status">{msg}</p>
    </form>
  );
}
