"use client";
import { useState } from "react";
import type { IdentitySchemas } from "@/api/client";
import { bff } from "./csrf";

type S = IdentitySchemas["SessionResponse"];

export function SessionList({ initial }: { initial: S[] }) {
  const [items, setItems] = useState(initial);
  async function revoke(id?: string) {
    if (!id) return;
    const r = await bff(`/api/v1/auth/sessions/${id}`, { method: "DELETE" });
    if (r.ok) setItems((l) => l.filter((s) => s.id !== id));
  }
  return (
    <table>
      <thead><tr><th scope="col">Device</th><th scope="col">Signed in</th><th scope="col">Last active</th><th scope="col"><span className="skip">Actions</span></th></tr></thead>
      <tbody>{items.map((s) => (
        <tr key={s.id}><td>{s.userAgent ?? "unknown"}</td><td>{s.signedInAt?.slice(0, 16)}</td><td>{s.lastRefreshedAt?.slice(0, 16)}</td>
          <td><button type="button" onClick={() => revoke(s.id)}>Sign out</button></td></tr>
      ))}</tbody>
    </table>
  );
}
