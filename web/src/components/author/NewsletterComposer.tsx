"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { NotifySchemas } from "@/api/client";
import { bff } from "../csrf";
import { problem } from "./problem";

/**
 * Compose an issue from Markdown, or announce one published post (its title, excerpt and link); the
 * subject is required for Markdown and defaults to the post's title. Sending takes a second click.
 */
export function NewsletterComposer({ posts }: { posts: { id: string; title: string }[] }) {
  const router = useRouter();
  const [source, setSource] = useState<"markdown" | "post">("markdown");
  const [subject, setSubject] = useState("");
  const [markdown, setMarkdown] = useState("");
  const [postId, setPostId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState("");

  function review(e: React.FormEvent) {
    e.preventDefault();
    if (source === "markdown" && !markdown.trim()) { setMsg("Write the issue's Markdown first."); return; }
    if (source === "post" && !postId) { setMsg("Choose the post to announce."); return; }
    setMsg("");
    setConfirming(true);
  }

  async function send() {
    setBusy(true);
    const body: NotifySchemas["CreateIssueRequest"] = source === "markdown"
      ? { subject, markdown }
      : { subject: subject || undefined, postId };
    const r = await bff("/api/v1/newsletter/issues", { method: "POST", body: JSON.stringify(body) });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) { setMsg(await problem(r)); return; }
    const issue = (await r.json()) as NotifySchemas["IssueStatusResponse"];
    setMsg(`Issue created for ${issue.recipients} subscriber${issue.recipients === 1 ? "" : "s"}.`);
    router.push(`/author/newsletter/${issue.id}`);
  }

  return (
    <form className="stack wide" onSubmit={review} aria-label="Newsletter issue">
      <fieldset>
        <legend>Body</legend>
        <label className="inline"><input type="radio" name="source" checked={source === "markdown"} onChange={() => setSource("markdown")} /> Write it in Markdown</label>
        <label className="inline"><input type="radio" name="source" checked={source === "post"} onChange={() => setSource("post")} disabled={posts.length === 0} /> Announce a published post</label>
      </fieldset>
      <label>Subject <input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={200} required={source === "markdown"} /></label>
      {source === "markdown"
        ? <label>Issue Markdown <textarea value={markdown} onChange={(e) => setMarkdown(e.target.value)} rows={12} maxLength={200000} /></label>
        : <label>Post <select value={postId} onChange={(e) => setPostId(e.target.value)}>
            <option value="">Choose…</option>
            {posts.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select></label>}
      {confirming
        ? <div role="group" aria-label="Confirm sending">
            <p>Send “{subject || posts.find((p) => p.id === postId)?.title}” to every confirmed subscriber now? This cannot be undone.</p>
            <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void send()}>Yes, send it</button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        : <button type="submit" className="primary">Send…</button>}
      <p role="status" aria-live="polite">{msg}</p>
    </form>
  );
}
