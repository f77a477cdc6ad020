"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ContentSchemas } from "@/api/client";
import { bff } from "../csrf";
import { expirePages, problem } from "./problem";

type Tag = ContentSchemas["TagResponse"];

/** Every tag with its published posts; editors rename one (name, slug) or merge it into another. */
export function TagManager({ tags, canEdit }: { tags: Tag[]; canEdit: boolean }) {
  const [msg, setMsg] = useState("");
  return (
    <>
      <p role="status" aria-live="polite">{msg}</p>
      <div className="table-scroll">
        <table>
          <thead><tr><th scope="col">Tag</th><th scope="col">Slug</th><th scope="col">Published posts</th>{canEdit && <th scope="col">Change</th>}</tr></thead>
          <tbody>
            {tags.map((t) => <TagRow key={t.slug} tag={t} others={tags.filter((o) => o.slug !== t.slug)} canEdit={canEdit} say={setMsg} />)}
          </tbody>
        </table>
      </div>
    </>
  );
}

function TagRow({ tag, others, canEdit, say }: { tag: Tag; others: Tag[]; canEdit: boolean; say: (m: string) => void }) {
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "rename" | "merge" | "confirm">("view");
  const [name, setName] = useState(tag.name ?? "");
  const [slug, setSlug] = useState(tag.slug ?? "");
  const [into, setInto] = useState("");

  async function rename(e: React.FormEvent) {
    e.preventDefault();
    const r = await bff(`/api/v1/admin/tags/${encodeURIComponent(tag.slug ?? "")}`, { method: "PUT", body: JSON.stringify({ name, slug: slug.trim() || undefined, description: tag.description }) });
    if (!r.ok) { say(await problem(r)); return; }
    const saved = (await r.json()) as Tag;
    await expirePages();
    say(`Renamed “${tag.name}” to “${saved.name}” (${saved.slug}).`);
    setMode("view");
    router.refresh();
  }

  async function merge() {
    const r = await bff(`/api/v1/admin/tags/${encodeURIComponent(tag.slug ?? "")}/merge`, { method: "POST", body: JSON.stringify({ into }) });
    if (!r.ok) { say(await problem(r)); setMode("merge"); return; }
    const target = (await r.json()) as Tag;
    await expirePages();
    say(`Merged “${tag.name}” into “${target.name}”: it now has ${target.publishedPosts} published posts.`);
    setMode("view");
    router.refresh();
  }

  const target = others.find((o) => o.slug === into);
  return (
    <tr>
      <td>{tag.name}</td>
      <td><code>{tag.slug}</code></td>
      <td>{tag.publishedPosts}</td>
      {canEdit && (
        <td>
          {mode === "view" && <>
            <button type="button" onClick={() => setMode("rename")} aria-label={`Rename ${tag.name}`}>Rename</button>{" "}
            {others.length > 0 && <button type="button" onClick={() => setMode("merge")} aria-label={`Merge ${tag.name} into another tag`}>Merge…</button>}
          </>}
          {mode === "rename" && (
            <form onSubmit={rename} className="row" aria-label={`Rename ${tag.name}`}>
              <label>Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} autoFocus /></label>
              <label>Slug <input value={slug} onChange={(e) => setSlug(e.target.value)} /></label>
              <button type="submit" className="primary">Save</button>
              <button type="button" onClick={() => setMode("view")}>Cancel</button>
            </form>
          )}
          {mode === "merge" && (
            <span className="row">
              <label>Merge into <select value={into} onChange={(e) => setInto(e.target.value)} autoFocus>
                <option value="">Choose a tag…</option>
                {others.map((o) => <option key={o.slug} value={o.slug}>{o.name}</option>)}
              </select></label>
              <button type="button" disabled={!into} onClick={() => setMode("confirm")}>Merge</button>
              <button type="button" onClick={() => setMode("view")}>Cancel</button>
            </span>
          )}
          {mode === "confirm" && target && (
            <span className="row" role="group" aria-label="Confirm the merge">
              <span>Every post tagged “{tag.name}” will be tagged “{target.name}”, and “{tag.slug}” will redirect there.</span>
              <button type="button" className="primary" onClick={() => void merge()} autoFocus>Yes, merge</button>
              <button type="button" onClick={() => setMode("view")}>Cancel</button>
            </span>
          )}
        </td>
      )}
    </tr>
  );
}
