"use client";
import { csrfHeader } from "../csrf";

/** The RFC 9457 problem a service answered, as one sentence to show: detail (or title) and field errors. */
export async function problem(r: Response): Promise<string> {
  const p = (await r.json().catch(() => ({}))) as { detail?: string; title?: string; errors?: { field?: string; message?: string }[] };
  const fields = Array.isArray(p.errors) && p.errors.length ? " " + p.errors.map((e) => `${e.field}: ${e.message}`).join("; ") : "";
  return (p.detail ?? p.title ?? `Failed (${r.status})`) + fields;
}

/** Expires the web app's cached pages after a change (posts, series, tags, and the given post pages). */
export async function expirePages(slugs: string[] = []): Promise<void> {
  await fetch("/author/revalidate", { method: "POST", headers: { "content-type": "application/json", ...csrfHeader() }, body: JSON.stringify({ slugs }) }).catch(() => {});
}
