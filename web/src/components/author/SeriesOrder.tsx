"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { PostSummary } from "@/lib/posts";
import { bff } from "../csrf";
import { expirePages, problem } from "./problem";

type Move = { id: string; dir: "up" | "down" };

/**
 * The series' posts in reading order: move one up or down (buttons, so the keyboard works; focus stays
 * on the post that moved), take one out, or add one of your posts that is in no series; then save
 * the whole order (PUT replaces the series' membership and numbers the parts 1…n).
 */
export function SeriesOrder({ seriesId, seriesSlug, posts, candidates }: { seriesId: string; seriesSlug: string; posts: PostSummary[]; candidates: PostSummary[] }) {
  const router = useRouter();
  const [order, setOrder] = useState<PostSummary[]>(posts);
  const [adding, setAdding] = useState("");
  const [msg, setMsg] = useState("");
  const [dirty, setDirty] = useState(false);
  const [moved, setMoved] = useState<Move | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  useEffect(() => {
    if (!moved) return;
    const same = buttons.current.get(`${moved.id}:${moved.dir}`);
    const other = buttons.current.get(`${moved.id}:${moved.dir === "up" ? "down" : "up"}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [moved, order]);

  function move(index: number, dir: "up" | "down") {
    const to = dir === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= order.length) return;
    const next = order.slice();
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item!);
    setOrder(next);
    setDirty(true);
    setMoved({ id: item!.id ?? "", dir });
    setMsg(`Moved “${item!.title}” to part ${to + 1}. Save the order to keep it.`);
  }

  function remove(index: number) {
    const next = order.slice();
    const [gone] = next.splice(index, 1);
    setOrder(next);
    setDirty(true);
    setMsg(`Took “${gone!.title}” out of the series. Save the order to keep it.`);
  }

  function add() {
    const p = candidates.find((c) => c.id === adding);
    if (!p || order.some((o) => o.id === p.id)) return;
    setOrder([...order, p]);
    setAdding("");
    setDirty(true);
    setMsg(`Added “${p.title}” as part ${order.length + 1}. Save the order to keep it.`);
  }

  async function save() {
    const r = await bff(`/api/v1/admin/series/${seriesId}/posts`, { method: "PUT", body: JSON.stringify({ postIds: order.map((p) => p.id) }) });
    if (!r.ok) { setMsg(await problem(r)); return; }
    await expirePages([...new Set([...posts, ...order].map((p) => p.slug ?? "").filter(Boolean))]);
    setDirty(false);
    setMsg("Order saved.");
    router.refresh();
  }

  const addable = candidates.filter((c) => !order.some((o) => o.id === c.id));
  return (
    <div className="series-order">
      {order.length === 0 ? <p className="meta">No posts in this series yet.</p> : (
        <ol aria-label={`Posts of the series ${seriesSlug}`}>
          {order.map((p, i) => (
            <li key={p.id}>
              <span className="title">{p.title} <span className="meta">({p.status?.toLowerCase()})</span></span>
              <span className="buttons">
                <button type="button" ref={(el) => { buttons.current.set(`${p.id}:up`, el); }} disabled={i === 0} onClick={() => move(i, "up")} aria-label={`Move “${p.title}” up`}>↑ Up</button>
                <button type="button" ref={(el) => { buttons.current.set(`${p.id}:down`, el); }} disabled={i === order.length - 1} onClick={() => move(i, "down")} aria-label={`Move “${p.title}” down`}>↓ Down</button>
                <button type="button" onClick={() => remove(i)} aria-label={`Take “${p.title}” out of the series`}>Remove</button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {addable.length > 0 && (
        <p className="row">
          <label>Add a post <select value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose…</option>
            {addable.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select></label>{" "}
          <button type="button" onClick={add} disabled={!adding}>Add</button>
        </p>
      )}
      <p><button type="button" className="primary" onClick={() => void save()} disabled={!dirty}>Save order</button></p>
      <p role="status" aria-live="polite">{msg}</p>
    </div>
  );
}
