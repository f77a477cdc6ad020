"use client";
import { useState } from "react";
import { bff } from "./csrf";

export function DeleteAccount() {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [msg, setMsg] = useState("");
  async function del(e: React.FormEvent) {
    e.preventDefault();
    if (confirm !== "DELETE") { setMsg("Type DELETE to confirm."); return; }
    const r = await bff("/api/v1/users/me", { method: "DELETE", body: JSON.stringify({ password }) });
    if (r.ok) { window.location.href = "/?deleted=1"; return; }
    const p = await r.json().catch(() => ({}));
    setMsg(p.detail ?? "The account was not deleted.");
  }
  return (
    <form className="stack" onSubmit={del}>
      <label>Your password <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" /></label>
      <label>Type DELETE to confirm <input value={confirm} onChange={(e) => setConfirm(e.target.value)} /></label>
      <button type="submit">Delete my account</button>
      <p role="status">{msg}</p>
    </form>
  );
}
