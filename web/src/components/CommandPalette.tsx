"use client";
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

interface Item { label: string; href: string }
const pages: Item[] = [
  { label: "Latest posts", href: "/" }, { label: "Series", href: "/series" }, { label: "Tags", href: "/tags" },
  { label: "Search", href: "/search" }, { label: "Ask AI", href: "/ask" }, { label: "Plans", href: "/pricing" },
  { label: "Newsletter", href: "/newsletter" }, { label: "Sign in", href: "/signin" },
  { label: "My learning", href: "/learn" }, { label: "Review", href: "/review" }, { label: "Review cards", href: "/review/cards" },
  { label: "Quizzes", href: "/quizzes" }, { label: "Daily challenge", href: "/challenge" }, { label: "Leaderboards", href: "/leaderboards" },
  { label: "Certificates", href: "/certificates" }, { label: "Mock interviews", href: "/interviews" },
  { label: "Settings", href: "/account/settings" }, { label: "Billing", href: "/account/billing" }, { label: "Sessions", href: "/account/sessions" },
  { label: "Privacy", href: "/privacy" }, { label: "Notifications", href: "/notifications" },
  { label: "Author tools", href: "/author" }, { label: "New post", href: "/author/posts/new" }, { label: "Your posts", href: "/author/posts" },
  { label: "Series (author)", href: "/author/series" }, { label: "Tags (author)", href: "/author/tags" }, { label: "Analytics", href: "/author/analytics" },
  { label: "Send newsletter", href: "/author/newsletter" }, { label: "Import & export", href: "/author/import-export" },
  { label: "Admin", href: "/admin" }, { label: "Moderate comments", href: "/admin/comments" }, { label: "Users", href: "/admin/users" },
  { label: "Dead letters", href: "/admin/events" }, { label: "Redirects", href: "/admin/redirects" }, { label: "Subscribers", href: "/admin/billing" },
];

// Ctrl/Cmd-K: jump to a page or a post (full-text search as you type). Arrow keys, Enter, Escape.
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Item[]>([]);
  const [sel, setSel] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") { e.preventDefault(); setOpen((o) => !o); }
      else if (e.key === "Escape") setOpen(false);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => { if (open) { setQ(""); setSel(0); setTimeout(() => input.current?.focus(), 0); } }, [open]);
  useEffect(() => {
    if (q.trim().length < 2) { setHits([]); return; }
    const ctl = new AbortController();
    const t = setTimeout(() => {
      fetch(`/bff/api/v1/search?q=${encodeURIComponent(q)}&limit=8`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : { items: [] }))
        .then((d: { items?: { slug: string; title: string }[] }) => setHits((d.items ?? []).map((h) => ({ label: h.title, href: `/posts/${h.slug}` }))))
        .catch(() => {});
    }, 150);
    return () => { clearTimeout(t); ctl.abort(); };
  }, [q]);

  if (!open) return null;
  const items = [...pages.filter((p) => p.label.toLowerCase().includes(q.toLowerCase())), ...hits];
  function go(i: number) { const it = items[i]; if (it) { setOpen(false); router.push(it.href); } }
  return (
    <div className="palette-backdrop" onClick={() => setOpen(false)}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" onClick={(e) => e.stopPropagation()}>
        <input ref={input} value={q} aria-label="Search pages and posts" placeholder="Search pages and posts…" role="combobox" aria-expanded="true" aria-controls="palette-list"
          onChange={(e) => { setQ(e.target.value); setSel(0); }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") { e.preventDefault(); setSel((s) => Math.min(s + 1, items.length - 1)); }
            else if (e.key === "ArrowUp") { e.preventDefault(); setSel((s) => Math.max(s - 1, 0)); }
            else if (e.key === "Enter") { e.preventDefault(); go(sel); }
          }} />
        <ul id="palette-list" role="listbox" aria-label="Results">
          {items.map((it, i) => (
            <li key={it.href + i} role="option" aria-selected={i === sel}>
              <a href={it.href} onClick={(e) => { e.preventDefault(); go(i); }}>{it.label}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
