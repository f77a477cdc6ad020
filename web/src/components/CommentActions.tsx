"use client";
import { useState } from "react";
import type { ContentSchemas } from "@/api/client";
import { bff } from "./csrf";
import { REPORT_NOTE_MAX, REPORT_REASONS, reportBody } from "@/lib/reports";

type C = ContentSchemas["CommentResponse"];

async function detail(r: Response, fallback: string): Promise<string> {
  const p = (await r.json().catch(() => ({}))) as { detail?: string; title?: string };
  return p.detail ?? p.title ?? fallback;
}

/** A signed-in reader's actions on one comment: edit their own, report someone else's. */
export function CommentActions({ comment, me, onChanged }: { comment: C; me: string | null; onChanged: () => void }) {
  const [mode, setMode] = useState<"idle" | "edit" | "report">("idle");
  const [text, setText] = useState(comment.body ?? "");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [msg, setMsg] = useState("");
  const [busy, setBusy] = useState(false);
  const id = comment.id ?? "";
  if (!me || !id || comment.deleted) return null;
  const own = comment.authorId === me;

  async function saveEdit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await bff(`/api/v1/comments/${encodeURIComponent(id)}`, { method: "PUT", body: JSON.stringify({ body: text }) });
    setBusy(false);
    if (!r.ok) { setMsg(await detail(r, "The comment was not changed.")); return; }
    setMode("idle");
    setMsg("Comment updated.");
    onChanged();
  }

  async function sendReport(e: React.FormEvent) {
    e.preventDefault();
    const body = reportBody(reason, note);
    if (!body) { setMsg("Choose why a moderator should look at this comment."); return; }
    setBusy(true);
    const r = await bff(`/api/v1/comments/${encodeURIComponent(id)}/reports`, { method: "POST", body: JSON.stringify(body) });
    setBusy(false);
    if (!r.ok) { setMsg(await detail(r, "The report was not sent.")); return; }
    setMode("idle");
    setReason("");
    setNote("");
    setMsg("Thanks: a moderator will look at this comment.");
  }

  return (
    <div className="comment-actions">
      {mode === "idle" && (own
        ? <button type="button" onClick={() => { setText(comment.body ?? ""); setMsg(""); setMode("edit"); }}>Edit</button>
        : <button type="button" onClick={() => { setMsg(""); setMode("report"); }}>Report</button>)}
      {mode === "edit" && (
        <form onSubmit={saveEdit} className="stack">
          <label htmlFor={`edit-${id}`}>Edit your comment</label>
          <textarea id={`edit-${id}`} value={text} onChange={(e) => setText(e.target.value)} rows={4} required maxLength={4000} autoFocus />
          <div className="row">
            <button className="primary" type="submit" disabled={busy}>Save changes</button>
            <button type="button" onClick={() => setMode("idle")}>Cancel</button>
          </div>
        </form>
      )}
      {mode === "report" && (
        <form onSubmit={sendReport} className="stack">
          <fieldset>
            <legend>Why should a moderator look at this comment?</legend>
            {REPORT_REASONS.map((r, i) => (
              <label key={r.value} className="inline">
                <input type="radio" name={`reason-${id}`} value={r.value} checked={reason === r.value} onChange={() => setReason(r.value)} required autoFocus={i === 0} /> {r.label}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`report-note-${id}`}>Anything the moderator should know? (optional)</label>
          <textarea id={`report-note-${id}`} aria-describedby={`report-note-left-${id}`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={REPORT_NOTE_MAX} />
          <p id={`report-note-left-${id}`} className="meta">{REPORT_NOTE_MAX - note.length} characters left</p>
          <div className="row">
            <button className="primary" type="submit" disabled={busy}>Send report</button>
            <button type="button" onClick={() => setMode("idle")}>Cancel</button>
          </div>
        </form>
      )}
      <p role="status" className="meta">{msg}</p>
    </div>
  );
}
