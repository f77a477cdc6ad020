// Dates as the learning screens show them (server and browser alike).

/** "now", "in 10 min", "in 3 h", "in 4 days": how far an instant lies ahead. */
export function fromNow(iso: string | undefined | null, now = Date.now()): string {
  if (!iso) return "";
  const s = Math.round((Date.parse(iso) - now) / 1000);
  if (s <= 60) return "now";
  if (s < 3600) return `in ${Math.round(s / 60)} min`;
  if (s < 86400) return `in ${Math.round(s / 3600)} h`;
  const d = Math.round(s / 86400);
  if (d < 60) return `in ${d} day${d === 1 ? "" : "s"}`;
  return `in ${Math.round(d / 30)} months`;
}

/** 2026-11-30 14:05 (UTC), stable between server and browser. */
export function when(iso: string | undefined | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}`.trim() : "";
}

export function day(iso: string | undefined | null): string {
  return iso ? iso.slice(0, 10) : "";
}

/** A score between 0 and 1 as a whole percentage. */
export function percent(score: number | undefined | null): string {
  return score == null ? "–" : `${Math.round(score * 100)}%`;
}
