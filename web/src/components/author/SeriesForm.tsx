"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ContentSchemas } from "@/api/client";
import { bff } from "../csrf";
import { expirePages, problem } from "./problem";

type Existing = { id: string; title: string; slug: string; description: string };

/** Create a series, or change an existing one's title, address (slug) and description. */
export function SeriesForm({ series }: { series?: Existing }) {
  const router = useRouter();
  const [title, setTitle] = useState(series?.title ?? "");
  const [slug, setSlug] = useState(series?.slug ?? "");
  const [description, setDescription] = useState(series?.description ?? "");
  const [msg, setMsg] = useState("");

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body = JSON.stringify({ title, slug: slug.trim() || undefined, description });
    const r = series
      ? await bff(`/api/v1/admin/series/${series.id}`, { method: "PUT", body })
      : await bff("/api/v1/admin/series", { method: "POST", body });
    if (!r.ok) { setMsg(await problem(r)); return; }
    const saved = (await r.json()) as ContentSchemas["SeriesResponse"];
    await expirePages();
    if (!series || saved.slug !== series.slug) { router.push(`/author/series/${saved.slug}`); return; }
    setMsg("Saved.");
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={series ? "Series details" : "New series"}>
      <label>Series title <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} /></label>
      <label>Address (slug) <input value={slug} onChange={(e) => setSlug(e.target.value)} placeholder={series ? undefined : "made from the title if empty"} /></label>
      <label>Description <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} /></label>
      <button className="primary" type="submit">{series ? "Save details" : "Create series"}</button>
      <p role="status">{msg}</p>
    </form>
  );
}
