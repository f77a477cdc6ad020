"use client";
import { useState } from "react";
import { bff } from "../csrf";
import { problemOf } from "./api";

export function RemoveBookmark({ postId, title }: { postId: string; title: string }) {
  const [state, setState] = useState<"idle" | "removed" | string>("idle");
  async function remove() {
    const r = await bff(`/api/v1/bookmarks/${postId}`, { method: "DELETE" });
    setState(r.ok ? "removed" : await problemOf(r));
  }
  if (state === "removed") return <span role="status" className="meta">Removed.</span>;
  return (
    <>
      <button type="button" onClick={remove} aria-label={`Remove bookmark: ${title}`}>Remove</button>
      {state !== "idle" && <span role="alert" className="error"> {state}</span>}
    </>
  );
}
