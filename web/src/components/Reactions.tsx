"use client";
import { useEffect, useState } from "react";
import { bff } from "./csrf";

const kinds: Array<[string, string]> = [["LIKE", "👍 Like"], ["INSIGHTFUL", "💡 Insightful"], ["LOVE", "❤️ Love"]];

export function Reactions({ slug }: { slug: string }) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [mine, setMine] = useState<string[]>([]);
  const [msg, setMsg] = useState("");
  useEffect(() => {
    bff(`/api/v1/posts/${encodeURIComponent(slug)}/reactions`).then((r) => (r.ok ? r.json() : null)).then((d) => {
      if (d) { setCounts(d.counts ?? {}); setMine(d.mine ?? []); }
    }).catch(() => {});
  }, [slug]);
  async function toggle(kind: string) {
    const on = mine.includes(kind);
    const r = await bff(`/api/v1/posts/${encodeURIComponent(slug)}/reactions/${kind}`, { method: on ? "DELETE" : "PUT" });
    if (r.status === 401) { setMsg("Sign in to react."); return; }
    if (r.ok) { const d = await r.json(); setCounts(d.counts ?? {}); setMine(d.mine ?? []); setMsg(""); }
  }
  return (
    <div aria-label="Reactions" role="group" style={{ display: "flex", gap: 8, flexWrap: "wrap", margin: "16px 0" }}>
      {kinds.map(([k, label]) => (
        <button key={k} type="button" aria-pressed={mine.includes(k)} onClick={() => toggle(k)}>{label} {counts[k] ?? 0}</button>
      ))}
      {msg && <span role="status">{msg}</span>}
    </div>
  );
}
