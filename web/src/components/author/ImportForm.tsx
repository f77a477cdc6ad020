"use client";
import { useState } from "react";
import type { ContentSchemas } from "@/api/client";
import { bff } from "../csrf";
import { expirePages, problem } from "./problem";

type Result = ContentSchemas["ImportResult"];

/**
 * Uploads the file as the request body, the way content's import takes it (not multipart): a zip of
 * Markdown files with front matter, or a Ghost export (its JSON file, or a zip holding it).
 */
export function ImportForm() {
  const [kind, setKind] = useState<"markdown" | "ghost">("markdown");
  const [onConflict, setOnConflict] = useState<"fail" | "skip">("fail");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState("");
  const [result, setResult] = useState<Result | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) { setMsg("Choose a file first."); return; }
    const json = file.name.toLowerCase().endsWith(".json") || file.type === "application/json";
    if (kind === "markdown" && json) { setMsg("A Markdown import is a zip archive of .md files."); return; }
    setBusy(true);
    setResult(null);
    setMsg(`Importing ${file.name}…`);
    const r = await bff(`/api/v1/admin/import/${kind}?onConflict=${onConflict}`, {
      method: "POST", body: file, headers: { "content-type": json ? "application/json" : "application/zip" },
    }).catch(() => null);
    setBusy(false);
    if (!r) { setMsg("The import could not reach the server."); return; }
    if (!r.ok) { setMsg(await problem(r)); return; }
    const res = (await r.json()) as Result;
    setResult(res);
    await expirePages((res.imported ?? []).map((i) => i.slug ?? "").filter(Boolean));
    setMsg(`Imported ${res.imported?.length ?? 0} post${res.imported?.length === 1 ? "" : "s"}, skipped ${res.skipped?.length ?? 0}, ${res.redirects ?? 0} redirect${res.redirects === 1 ? "" : "s"} imported.`);
  }

  return (
    <>
      <form className="stack" onSubmit={submit} aria-label="Import posts">
        <label>Format <select value={kind} onChange={(e) => setKind(e.target.value as "markdown" | "ghost")}>
          <option value="markdown">Markdown files (zip)</option>
          <option value="ghost">Ghost export (JSON or zip)</option>
        </select></label>
        <label>File to import <input type="file" accept={kind === "markdown" ? ".zip,application/zip" : ".json,.zip,application/json,application/zip"} onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
        <label>When a slug is taken <select value={onConflict} onChange={(e) => setOnConflict(e.target.value as "fail" | "skip")}>
          <option value="fail">Stop: import nothing</option>
          <option value="skip">Skip that post</option>
        </select></label>
        <button type="submit" className="primary" disabled={busy}>Import</button>
        <p role="status" aria-live="polite">{msg}</p>
      </form>
      {result && (result.imported?.length ?? 0) + (result.skipped?.length ?? 0) > 0 && (
        <table>
          <thead><tr><th scope="col">File</th><th scope="col">Post</th><th scope="col">Result</th></tr></thead>
          <tbody>
            {(result.imported ?? []).map((i) => <tr key={`i-${i.file}-${i.slug}`}><td>{i.file}</td><td>{i.id ? <a href={`/author/posts/${i.id}`}>{i.slug}</a> : i.slug}</td><td>imported ({i.status?.toLowerCase()})</td></tr>)}
            {(result.skipped ?? []).map((s) => <tr key={`s-${s.file}-${s.slug}`}><td>{s.file}</td><td>{s.slug}</td><td>skipped: {s.reason}</td></tr>)}
          </tbody>
        </table>
      )}
    </>
  );
}
