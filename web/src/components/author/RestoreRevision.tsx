"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ContentSchemas } from "@/api/client";
import { bff } from "../csrf";
import { expirePages, problem } from "./problem";

/** Restore a revision, after an explicit second click: it replaces the post's title and Markdown. */
export function RestoreRevision({ postId, revision, slug }: { postId: string; revision: number; slug: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState("");

  async function restore() {
    setBusy(true);
    const r = await bff(`/api/v1/admin/posts/${postId}/revisions/${revision}/restore`, { method: "POST" });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) { setMsg(await problem(r)); return; }
    const restored = (await r.json()) as ContentSchemas["PostDetails"];
    await expirePages([slug, restored.slug ?? ""].filter(Boolean));
    setMsg(`Restored revision #${revision}: it is the current text now.`);
    router.refresh();
  }

  return (
    <span className="restore">
      {confirming
        ? <span role="group" aria-label={`Confirm restoring revision ${revision}`}>
            <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void restore()}>Yes, restore #{revision}</button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </span>
        : <button type="button" onClick={() => { setMsg(""); setConfirming(true); }}>Restore #{revision}…</button>}
      <span role="status" className="meta">{msg}</span>
    </span>
  );
}
