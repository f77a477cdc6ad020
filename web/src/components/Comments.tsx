"use client";
import { useCallback, useEffect, useState } from "react";
import type { ContentSchemas } from "@/api/client";
import { bff } from "./csrf";
import { CommentActions } from "./CommentActions";

type C = ContentSchemas["CommentResponse"];

function Thread({ items, onReply, me, onChanged }: { items: C[]; onReply: (id: string) => void; me: string | null; onChanged: () => void }) {
  return (
    <ul>
      {items.map((c) => (
        <li key={c.id} className="comment" id={`comment-${c.id}`}>
          <p className="meta">{c.authorName ?? "Someone"}{c.createdAt && <> · {c.createdAt.slice(0, 10)}</>}</p>
          {c.deleted ? <p><em>deleted</em></p> : <div dangerouslySetInnerHTML={{ __html: c.html ?? "" }} />}
          {!c.deleted && c.id && <button type="button" onClick={() => onReply(c.id ?? "")}>Reply</button>}
          <CommentActions comment={c} me={me} onChanged={onChanged} />
          {c.replies && c.replies.length > 0 && <Thread items={c.replies} onReply={onReply} me={me} onChanged={onChanged} />}
        </li>
      ))}
    </ul>
  );
}

export function Comments({ slug }: { slug: string }) {
  const [items, setItems] = useState<C[]>([]);
  const [body, setBody] = useState("");
  const [parent, setParent] = useState<string | null>(null);
  const [msg, setMsg] = useState("");
  const [me, setMe] = useState<string | null>(null);
  useEffect(() => {
    // who is reading (the page may be cached for everyone): their own comments get "Edit", others' "Report"
    fetch("/bff/session", { credentials: "same-origin", cache: "no-store" })
      .then((r) => r.json())
      .then((s: { user?: { sub?: string } | null }) => setMe(s.user?.sub ?? null), () => setMe(null));
  }, []);
  const load = useCallback(() => {
    bff(`/api/v1/posts/${encodeURIComponent(slug)}/comments`).then((r) => (r.ok ? r.json() : [])).then(setItems).catch(() => {});
  }, [slug]);
  useEffect(load, [load]);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const r = await bff(`/api/v1/posts/${encodeURIComponent(slug)}/comments`, { method: "POST", body: JSON.stringify({ body, parentId: parent ?? undefined }) });
    if (r.status === 401) { setMsg("Sign in to comment."); return; }
    if (!r.ok) { const p = await r.json().catch(() => ({})); setMsg(p.detail ?? "The comment was not saved."); return; }
    const saved = (await r.json().catch(() => ({}))) as { status?: string };
    setBody(""); setParent(null);
    setMsg(saved.status === "PENDING" ? "Thanks: your comment appears once a moderator approves it." : "Comment posted.");
    load();
  }
  return (
    <section className="comments" aria-labelledby="comments-h">
      <h2 id="comments-h">Comments</h2>
      <noscript><p>Comments need JavaScript.</p></noscript>
      <Thread items={items} me={me} onChanged={load} onReply={(id) => { setParent(id); document.getElementById("comment-body")?.focus(); }} />
      <form onSubmit={submit} className="stack">
        <label htmlFor="comment-body">{parent ? "Your reply" : "Add a comment"}</label>
        <textarea id="comment-body" value={body} onChange={(e) => setBody(e.target.value)} rows={4} required maxLength={5000} />
        <div style={{ display: "flex", gap: 8 }}>
          <button className="primary" type="submit">{parent ? "Post reply" : "Post comment"}</button>
          {parent && <button type="button" onClick={() => setParent(null)}>Cancel reply</button>}
        </div>
        {msg && <p role="status">{msg}</p>}
      </form>
    </section>
  );
}
