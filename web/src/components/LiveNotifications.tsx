"use client";
import { useEffect, useState } from "react";
import type { NotifySchemas } from "@/api/client";
import { bff } from "./csrf";

type N = NotifySchemas["NotificationResponse"];

// New notifications arrive over Server-Sent Events: EventSource cannot send an Authorization header,
// so it connects to /bff/.../stream and the web server adds the session's token on the way to notify.
export function LiveNotifications({ initial }: { initial: N[] }) {
  const [items, setItems] = useState<N[]>(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const es = new EventSource("/bff/api/v1/notifications/stream");
    es.onopen = () => setLive(true);
    es.onerror = () => setLive(false);
    es.addEventListener("notification", (e) => {
      try {
        const n = JSON.parse((e as MessageEvent<string>).data) as N;
        setItems((list) => (list.some((x) => x.id === n.id) ? list : [n, ...list]));
      } catch { /* ignore a malformed event */ }
    });
    return () => es.close();
  }, []);
  async function readAll() {
    const r = await bff("/api/v1/notifications/read-all", { method: "POST" });
    if (r.ok) setItems((l) => l.map((n) => ({ ...n, read: true })));
  }
  return (
    <>
      <p className="meta" data-live={live ? "on" : "off"}>{live ? "Live: new notifications appear here." : "Connecting…"} <button type="button" onClick={readAll}>Mark all read</button></p>
      <ul className="cards" aria-live="polite" aria-label="Notifications">
        {items.map((n) => (
          <li key={n.id} className="card notification">
            <h2 style={{ fontSize: 18 }}>{n.link ? <a href={n.link}>{n.title}</a> : n.title}{n.read ? "" : " •"}</h2>
            <p>{n.body}</p>
            <p className="meta">{n.createdAt?.slice(0, 16).replace("T", " ")}</p>
          </li>
        ))}
        {items.length === 0 && <li>Nothing yet.</li>}
      </ul>
    </>
  );
}
