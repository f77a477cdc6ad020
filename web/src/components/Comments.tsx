"use client";
import { useCallback, useEffect, useState } from "react";
import { bff } from "./csrf";

interface C { id: string; authorName?: string; html?: string; body?: string; deleted?: boolean; createdAt?: string; replies?: C[] }

function Thread({ items, onReply }: { items: C[]; onReply: (id: string) => void }) {
  return (
    <ul>
      {items.map((c) => (
        <li key={c.id} className="comment" id={`comment-${c.id}`}>
          <p className="meta">{c.authorName ?? "Someone"}{c.createdAt && <> · {c.createdAt.slice(0, 10)}</>}</p>
          {c.deleted ? <p><em>deleted</em></p> : <div dangerouslySetInnerHTML={{ __html: c.html ?? "" }} />}
          {!c.deleted && <button type="button" onClick={() => onReply(c.id)}>Reply</button>}
          {c.replies && c.replies.length > 0 && <Thread items={c.replies} onReply={onReply} />}
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
      <Thread items={items} onReply={(id) => { setParent(id); document.getElementById("comment-body")?.focus(); }} />
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
