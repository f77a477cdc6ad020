"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ContentSchemas } from "@/api/client";
import { bff } from "./csrf";
import { expirePages, problem } from "./author/problem";

type Details = ContentSchemas["PostDetails"];
type SeriesSummary = ContentSchemas["Summary"];
type Preview = ContentSchemas["PreviewResponse"];

const PREVIEW_DELAY_MS = 400;

// Markdown on the left, on the right the HTML content-service's renderer makes of it (the same renderer
// and sanitiser readers get), refreshed 400 ms after the author stops typing; images dropped on the zone
// are uploaded and linked at the end.
export function Editor({ initial, seriesList = [] }: { initial?: Details; seriesList?: SeriesSummary[] }) {
  const router = useRouter();
  const [post, setPost] = useState<Details | undefined>(initial);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [markdown, setMarkdown] = useState(initial?.markdown ?? "");
  const [excerpt, setExcerpt] = useState(initial?.excerpt ?? "");
  const [tagList, setTagList] = useState((initial?.tags ?? []).map((t) => t.slug).join(", "));
  const [premium, setPremium] = useState(initial?.premium ?? false);
  const [difficulty, setDifficulty] = useState<string>(initial?.difficulty ?? "BEGINNER");
  const [metaDescription, setMetaDescription] = useState(initial?.seo?.metaDescription ?? "");
  const [seriesId, setSeriesId] = useState(initial?.seriesId ?? "");
  const [seriesPosition, setSeriesPosition] = useState(initial?.seriesPosition != null ? String(initial.seriesPosition) : "");
  const [publishAt, setPublishAt] = useState("");
  const [msg, setMsg] = useState("");
  const [over, setOver] = useState(false);
  const [preview, setPreview] = useState<{ html: string; minutes?: number; error?: string; pending?: boolean }>({ html: initial?.html ?? "", minutes: initial?.readingMinutes });
  // the Markdown the preview shows: a saved post's own HTML, or nothing for an empty new post
  const previewed = useRef<string | null>(initial ? (initial.html ? initial.markdown ?? "" : null) : "");

  useEffect(() => {
    if (previewed.current === markdown) { setPreview((p) => (p.pending ? { ...p, pending: false } : p)); return; }
    const ctrl = new AbortController();
    setPreview((p) => ({ ...p, pending: true }));
    const timer = setTimeout(async () => {
      try {
        const r = await bff("/api/v1/admin/posts/preview", { method: "POST", body: JSON.stringify({ markdown }), signal: ctrl.signal });
        if (!r.ok) { const error = await problem(r); setPreview((p) => ({ ...p, pending: false, error })); return; }
        const d = (await r.json()) as Preview;
        previewed.current = markdown;
        setPreview({ html: d.html ?? "", minutes: d.readingMinutes });
      } catch {
        if (!ctrl.signal.aborted) setPreview((p) => ({ ...p, pending: false, error: "The preview could not be reached; it refreshes when you type again." }));
      }
    }, PREVIEW_DELAY_MS);
    return () => { clearTimeout(timer); ctrl.abort(); };
  }, [markdown]);

  async function save(): Promise<Details | undefined> {
    const body = {
      title, markdown, excerpt: excerpt || undefined, premium, difficulty,
      tags: tagList.split(",").map((t) => t.trim()).filter(Boolean),
      metaDescription: metaDescription || undefined, version: post?.version,
      slug: post?.slug, seriesId: seriesId || undefined,
      seriesPosition: seriesId && seriesPosition ? Number(seriesPosition) : undefined,
      canonicalUrl: post?.seo?.canonicalUrl || undefined, socialImageUrl: post?.seo?.socialImageUrl || undefined,
    };
    const r = post?.id
      ? await bff(`/api/v1/admin/posts/${post.id}`, { method: "PUT", body: JSON.stringify(body) })
      : await bff("/api/v1/admin/posts", { method: "POST", body: JSON.stringify(body) });
    if (!r.ok) { setMsg(await problem(r)); return undefined; }
    const saved = (await r.json()) as Details;
    setPost(saved);
    previewed.current = saved.markdown ?? null;
    setPreview({ html: saved.html ?? "", minutes: saved.readingMinutes });
    setMsg("Saved.");
    await expirePages(saved.slug ? [saved.slug] : []);
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
    await expirePages(next.slug ? [next.slug] : []);
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
      {post?.status && <p className="meta">Status: <strong>{post.status}</strong>{post.scheduledAt ? ` · scheduled for ${post.scheduledAt}` : ""}{post.slug ? <> · <a href={`/posts/${post.slug}`}>/posts/{post.slug}</a></> : null}{post.id ? <> · <a href={`/author/posts/${post.id}/revisions`}>Revisions</a></> : null}</p>}
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
          {seriesList.length > 0 && (
            <div className="row">
              <label>Series <select value={seriesId} onChange={(e) => setSeriesId(e.target.value)}>
                <option value="">None</option>
                {seriesList.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
              </select></label>
              {seriesId && <label>Part <input type="number" min={1} value={seriesPosition} onChange={(e) => setSeriesPosition(e.target.value)} /></label>}
            </div>
          )}
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
        <section aria-label="Preview" aria-busy={preview.pending ? "true" : "false"}>
          <h2>Preview</h2>
          <p className="meta" data-preview-state={preview.pending ? "pending" : "ready"}>
            {preview.minutes ? `${preview.minutes} min read` : ""}{preview.pending ? " · updating…" : ""}
          </p>
          {preview.error && <p className="error" role="alert">{preview.error}</p>}
          {preview.html
            ? <div className="body preview" dangerouslySetInnerHTML={{ __html: preview.html }} />
            : <p className="meta">Start typing Markdown to see it rendered here.</p>}
        </section>
      </div>
    </>
  );
}
