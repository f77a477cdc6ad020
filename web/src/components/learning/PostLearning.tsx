"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import type { LearningSchemas } from "@/api/client";
import { depthPercent, worthReporting, type Reported } from "@/lib/reading";
import { bff } from "../csrf";
import { call, messageOf, problemOf } from "./api";

type Reading = LearningSchemas["ReadingResponse"];
type Note = LearningSchemas["NoteResponse"];
type NotePage = LearningSchemas["NotePage"];
type BookmarkStatus = LearningSchemas["BookmarkStatusResponse"];

// The signed-in reader's own layer on a post: progress (tracked while reading, or marked by hand),
// a bookmark and private notes. The post page stays cached for everyone: who reads is asked after
// load, and a visitor (401) sees nothing here.
export function PostLearning({ postId, slug, tracking }: { postId: string; slug: string; tracking: boolean }) {
  const [signedIn, setSignedIn] = useState(false);
  const [bookmarked, setBookmarked] = useState(false);
  const [reading, setReading] = useState<Reading | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [msg, setMsg] = useState("");
  const [error, setError] = useState("");
  const last = useRef<Reported>({ depth: 0, seconds: 0 });
  const current = useRef<Reported>({ depth: 0, seconds: 0 });
  const base = `/api/v1/progress/posts/${postId}`;

  useEffect(() => {
    let gone = false;
    (async () => {
      const status = await bff(`/api/v1/bookmarks/status?postIds=${postId}`);
      if (!status.ok || gone) return; // a visitor, or learning is away: nothing to show
      const s = (await status.json()) as BookmarkStatus;
      setBookmarked(Boolean(s.bookmarked?.[postId]));
      setSignedIn(true);
      const p = await bff(base);
      if (p.ok && !gone) {
        const r = (await p.json()) as Reading;
        setReading(r);
        last.current = { depth: r.depthPercent ?? 0, seconds: r.secondsSpent ?? 0 };
        current.current = { ...last.current };
      }
      const n = await bff(`/api/v1/notes?postId=${postId}&limit=50`);
      if (n.ok && !gone) setNotes(((await n.json()) as NotePage).items ?? []);
    })().catch(() => {});
    return () => { gone = true; };
  }, [postId, base]);

  const report = useCallback(async (keepalive = false) => {
    const now = { ...current.current };
    if (!worthReporting(last.current, now)) return;
    last.current = now;
    const r = await bff(base, { method: "PUT", keepalive, body: JSON.stringify({ depthPercent: now.depth, secondsSpent: now.seconds }) });
    if (!r.ok) return;
    const body = (await r.json()) as Reading;
    setReading(body);
    if (body.justRead) setMsg(`You read this post: +${body.xpAwarded ?? 0} XP.`);
  }, [base]);

  // Reading time counts only while the page is visible; depth is the furthest point of the body seen.
  useEffect(() => {
    if (!signedIn || !tracking) return;
    const body = document.querySelector("article.post .body");
    const measure = () => {
      if (!body) return;
      const rect = body.getBoundingClientRect();
      const d = depthPercent(window.scrollY, window.innerHeight, rect.top + window.scrollY, rect.height);
      if (d > current.current.depth) current.current.depth = d;
    };
    measure();
    const tick = window.setInterval(() => {
      if (document.visibilityState === "visible") current.current.seconds += 1;
      measure();
      if (current.current.seconds % 5 === 0) void report();
    }, 1000);
    const hidden = () => { if (document.visibilityState === "hidden") void report(true); };
    window.addEventListener("scroll", measure, { passive: true });
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.clearInterval(tick);
      window.removeEventListener("scroll", measure);
      document.removeEventListener("visibilitychange", hidden);
      void report(true);
    };
  }, [signedIn, tracking, report]);

  async function toggleRead() {
    setError(""); setMsg("");
    try {
      const r = await call<Reading>(`${base}/read`, { method: reading?.read ? "DELETE" : "POST" });
      setReading(r);
      setMsg(r.read ? "Marked as read." : "Marked as unread.");
    } catch (e) { setError(messageOf(e)); }
  }

  async function toggleBookmark() {
    setError(""); setMsg("");
    const r = await bff(`/api/v1/bookmarks/${postId}`, { method: bookmarked ? "DELETE" : "PUT" });
    if (!r.ok) { setError(await problemOf(r)); return; }
    setBookmarked(!bookmarked);
    setMsg(bookmarked ? "Bookmark removed." : "Bookmarked.");
  }

  async function addNote(e: React.FormEvent) {
    e.preventDefault();
    setError(""); setMsg("");
    try {
      const n = await call<Note>("/api/v1/notes", { method: "POST", body: JSON.stringify({ postId, body: draft }) });
      setNotes((l) => [n, ...l]);
      setDraft("");
      setMsg("Note saved.");
    } catch (e) { setError(messageOf(e)); }
  }

  async function saveEdit(e: React.FormEvent) {
    e.preventDefault();
    if (!editing) return;
    setError(""); setMsg("");
    try {
      const n = await call<Note>(`/api/v1/notes/${editing.id}`, { method: "PUT", body: JSON.stringify({ postId, anchor: notes.find((x) => x.id === editing.id)?.anchor, body: editing.body }) });
      setNotes((l) => l.map((x) => (x.id === n.id ? n : x)));
      setEditing(null);
      setMsg("Note saved.");
    } catch (e) { setError(messageOf(e)); }
  }

  async function deleteNote(id?: string) {
    if (!id) return;
    setError(""); setMsg("");
    const r = await bff(`/api/v1/notes/${id}`, { method: "DELETE" });
    if (!r.ok) { setError(await problemOf(r)); return; }
    setNotes((l) => l.filter((n) => n.id !== id));
    setMsg("Note deleted.");
  }

  if (!signedIn) return null;
  const depth = Math.round(reading?.depthPercent ?? 0);
  return (
    <section className="learning card" aria-labelledby="learning-h">
      <h2 id="learning-h">Your learning</h2>
      <p className="meta" data-testid="reading-state">
        {reading?.read ? "Read" : `${depth}% read`}
        {reading?.read && reading.readAt && <> on <time dateTime={reading.readAt}>{reading.readAt.slice(0, 10)}</time></>}
      </p>
      <div className="row">
        <button type="button" onClick={toggleRead}>{reading?.read ? "Mark as unread" : "Mark as read"}</button>
        <button type="button" aria-pressed={bookmarked} onClick={toggleBookmark}>{bookmarked ? "★ Bookmarked" : "☆ Bookmark"}</button>
        <Link className="button" href={`/quizzes/post/${encodeURIComponent(slug)}`}>Quiz yourself</Link>
        <Link className="button" href="/learn">My learning</Link>
      </div>
      <div role="status" aria-live="polite">{msg && <p>{msg}</p>}</div>
      {error && <p className="error" role="alert">{error}</p>}
      <h3>Private notes</h3>
      {notes.length > 0 && (
        <ul className="plain">
          {notes.map((n) => (
            <li key={n.id}>
              {editing && editing.id === n.id ? (
                <form onSubmit={saveEdit} className="stack wide">
                  <label htmlFor={`note-${n.id}`}>Edit the note</label>
                  <textarea id={`note-${n.id}`} rows={3} value={editing.body} onChange={(e) => setEditing({ id: editing.id, body: e.target.value })} required />
                  <div className="row"><button className="primary" type="submit">Save changes</button><button type="button" onClick={() => setEditing(null)}>Cancel</button></div>
                </form>
              ) : (
                <>
                  <p className="note-body">{n.body}</p>
                  <p className="meta row">{n.updatedAt?.slice(0, 10)}
                    <button type="button" onClick={() => n.id && setEditing({ id: n.id, body: n.body ?? "" })} aria-label={`Edit note: ${(n.body ?? "").slice(0, 40)}`}>Edit</button>
                    <button type="button" onClick={() => deleteNote(n.id)} aria-label={`Delete note: ${(n.body ?? "").slice(0, 40)}`}>Delete</button>
                  </p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addNote} className="stack">
        <label htmlFor="note-body">A note only you can see</label>
        <textarea id="note-body" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} required />
        <div><button className="primary" type="submit">Save note</button></div>
      </form>
    </section>
  );
}
