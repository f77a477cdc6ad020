"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { call, messageOf } from "./api";

export function OptOut() {
  const router = useRouter();
  const [msg, setMsg] = useState("");
  const [error, setError] = useState("");
  async function set(optOut: boolean) {
    setMsg(""); setError("");
    try {
      await call<void>("/api/v1/gamification/leaderboards/opt-out", { method: "PUT", body: JSON.stringify({ optOut }) });
      setMsg(optOut ? "You are hidden from the leaderboards." : "You are back on the leaderboards.");
      router.refresh();
    } catch (e) { setError(messageOf(e)); }
  }
  return (
    <div className="row">
      <button type="button" onClick={() => set(true)}>Hide me from leaderboards</button>
      <button type="button" onClick={() => set(false)}>Show me on leaderboards</button>
      <span role="status">{msg}</span>
      {error && <span role="alert" className="error">{error}</span>}
    </div>
  );
}
