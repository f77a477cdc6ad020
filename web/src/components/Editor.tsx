"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ContentSchemas } from "@/api/client";
import { bff, csrfHeader } from "./csrf";

type Details = ContentSchemas["PostDetails"];
type Revision = ContentSchemas["RevisionResponse"];

async function problem(r: Response): Promise<string> {
  const p = await r.json().catch(() => ({}));
  const fields = Array.isArray(p.errors) ? " " + p.errors.map((e: { field?: string; message?: string }) => `${e.field}: ${e.message}`).join("; ") : "";
  return (p.detail ?? p.title ?? `Failed (${r.status})`) + fields;
}

// Markdown on the left, the server renderer's HTML (content-service, the same renderer readers get) on
// the right after each save; images dropped on the zone are uploaded and linked at the cursor.
export function Editor({ initial, revisions = [] }: { initial?: Details; revisions?: Revision[] }) {
  const router = useRouter();
  const [post, setPost] = useState<Details | undefined>(initial);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [markdown, setMarkdown] = useState(initial?.markdown ?? "");
  const [excerpt, setExcerpt] = useState(initial?.excerpt ?? "");
  const [tagList, setTagList] = useState((initial?.tags ?? []).map((t) => t.slug).join(", "));
  const [premium, setPremium] = useState(initial?.premium ?? false);
  const [difficulty, setDifficulty] = useState<string>(initial?.difficulty ?? "BEGINNER");
  const [metaDescription, setMetaDescription] = useState(initial?.seo?.metaDescription ?? "");
  const [publishAt, setPublishAt] = useState("");
  const [msg, setMsg] = useState("");
  const [over, setOver] = useState(false);

  async function expire(slug?: string) {
    await fetch("/author/revalidate", { method: "POST", headers: { "content-type": "application/json", ...csrfHeader() }, body: JSON.stringify({ slugs: slug ? [slug] : [] }) }).catch(() => {});
  }

  async function save(): Promise<Details | undefined> {
    const body = {
      title, markdown, excerpt: excerpt || undefined, premium, difficulty,
      tags: tagList.split(",").map((t) => t.trim()).filter(Boolean),
      metaDescription: metaDescription || undefined, version: post?.version,
    };
    const r = post?.id
      ? await bff(`/api/v1/admin/posts/${post.id}`, { method: "PUT", body: JSON.stringify(body) })
      : await bff("/api/v1/admin/posts", { method: "POST", body: JSON.stringify(body) });
    if (!r.ok) { setMsg(await problem(r)); return undefined; }
    const saved = (await r.json()) as Details;
    setPost(saved);
    setMsg("Saved.");
    await expire(saved.slug);
    if (!post?.id && saved.id) router.replace(`/author/posts/${saved.id}`);
    return saved;
  }

  async function act(path: string, body?: object, done = "Done.") {
    const saved = await save();
    if (!saved?.id) return;
    const r = await bff(`/api/v1/admin/posts/${saved.id}/${path}`, { method: "POST", body: body ? JSON.stringify(body) : undefined });
    if (!r.ok) { setMsg(await problem(r)); return; }
    const next = (await r.json()) as Details;
    setPost(next);
    setMsg(done);
    await expire(next.slug);
  }

  async function upload(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append("file", file);
    setMsg(`Uploading ${file.name}…`);
    const r = await bff("/api/v1/uploads", { method: "POST", body: form });
    if (!r.ok) { setMsg(await problem(r)); return; }
    const u = (await r.json()) as ContentSchemas["UploadResponse"];
    setMarkdown((m) => `${m}\n\n![${file.name.replace(/\.[^.]+$/, "")}](${u.url})\n`);
    setMsg(`Uploaded ${file.name}.`);
  }

  return (
    <>
      <h1>{post?.id ? "Edit post" : "New post"}</h1>
      {post?.status && <p className="meta">Status: <strong>{post.status}</strong>{post.scheduledAt ? ` · scheduled for ${post.scheduledAt}` : ""}{post.slug ? <> · <a href={`/posts/${post.slug}`}>/posts/{post.slug}</a></> : null}</p>}
      <div className="editor">
        <div className="stack" style={{ display: "flex", flexDirection: "column", gap: 10 }}>
          <label>Title <input value={title} onChange={(e) => setTitle(e.target.value)} required style={{ width: "100%" }} /></label>
          <label htmlFor="markdown">Markdown</label>
          <textarea id="markdown" value={markdown} onChange={(e) => setMarkdown(e.target.value)} rows={16} />
          <div className={`dropzone${over ? " over" : ""}`}
            onDragOver={(e) => { e.preventDefault(); setOver(true); }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => { e.preventDefault(); setOver(false); void upload(e.dataTransfer.files); }}>
            Drop an image here, or <label>choose one <input type="file" accept="image/*" aria-label="Upload an image" onChange={(e) => void upload(e.target.files)} /></label>
          </div>
          <label>Excerpt <textarea value={excerpt} onChange={(e) => setExcerpt(e.target.value)} rows={2} /></label>
          <label>Tags (comma separated) <input value={tagList} onChange={(e) => setTagList(e.target.value)} /></label>
          <label>Difficulty <select value={difficulty} onChange={(e) => setDifficulty(e.target.value)}><option>BEGINNER</option><option>INTERMEDIATE</option><option>ADVANCED</option></select></label>
          <label><span><input type="checkbox" checked={premium} onChange={(e) => setPremium(e.target.checked)} /> Premium</span></label>
          <label>Meta description <input value={metaDescription} onChange={(e) => setMetaDescription(e.target.value)} /></label>
          <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
            <button type="button" onClick={() => void save()}>Save draft</button>
            <button type="button" className="primary" onClick={() => void act("publish", undefined, "Published.")}>Publish now</button>
          </div>
          <label>Publish at <input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} /></label>
          <button type="button" onClick={() => publishAt && void act("schedule", { publishAt: new Date(publishAt).toISOString() }, "Scheduled.")}>Schedule</button>
          <p role="status" aria-live="polite">{msg}</p>
        </div>
        <section aria-label="Preview">
          <h2>Preview</h2>
          {post?.html ? <div className="body" dangerouslySetInnerHTML={{ __html: post.html }} /> : <p className="meta">Save to see the rendered post.</p>}
        </section>
      </div>
      {revisions.length > 0 && (
        <section>
          <h2>Revisions</h2>
          <ul>{revisions.map((r) => (
            <li key={r.revision}>#{r.revision} · {r.title} · {r.createdAt?.slice(0, 16)} · {r.markdownChars} chars{" "}
              <button type="button" onClick={async () => {
                const res = await bff(`/api/v1/admin/posts/${post?.id}/revisions/${r.revision}/restore`, { method: "POST" });
                if (res.ok) { const d = (await res.json()) as Details; setPost(d); setTitle(d.title ?? ""); setMarkdown(d.markdown ?? ""); setMsg(`Restored revision ${r.revision}.`); }
                else setMsg(await problem(res));
              }}>Restore</button></li>
          ))}</ul>
        </section>
      )}
    </>
  );
}
