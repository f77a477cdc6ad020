import { serviceUrls, type Service } from "./config.ts";

// Pure helpers of the admin screens (tested in test/admin.test.ts).

/** Every service with an event bus, in the order the dead-letter page shows them. */
export const eventServices = Object.keys(serviceUrls) as Service[];

export function isService(value: unknown): value is Service {
  return typeof value === "string" && (eventServices as string[]).includes(value);
}

/** The roles identity accepts (RolesRequest), lowest first. */
export const ROLES = ["reader", "author", "editor", "admin"] as const;

/** The checked roles of a form, known ones only, once each, in ROLES order. */
export function rolesFrom(values: unknown[]): string[] {
  const picked = new Set(values.filter((v): v is string => typeof v === "string"));
  return ROLES.filter((r) => picked.has(r));
}

/**
 * Where a form handler sends the admin back: a path under /admin (never elsewhere), with the outcome
 * as `notice` or `error` replacing any earlier one.
 */
export function backTo(path: unknown, flash: { notice?: string; error?: string }): string {
  const raw = typeof path === "string" ? path : "";
  const safe = /^\/admin(\/|\?|$)/.test(raw) && !raw.includes("//") && !raw.includes("\\") ? raw : "/admin";
  const url = new URL(safe, "http://x");
  url.searchParams.delete("notice");
  url.searchParams.delete("error");
  if (flash.error) url.searchParams.set("error", flash.error);
  else if (flash.notice) url.searchParams.set("notice", flash.notice);
  return url.pathname + url.search;
}

/** A `datetime-local` value read as UTC ("2026-11-30T04:00" → ISO instant), or null when malformed. */
export function utcInstant(value: unknown): string | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Paging of a list of `total` items shown `size` at a time, `page` counted from 0. */
export function pageWindow(page: number, size: number, total: number): { from: number; to: number; prev: number | null; next: number | null } {
  const from = total === 0 ? 0 : page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return { from, to, prev: page > 0 ? page - 1 : null, next: to < total ? page + 1 : null };
}

/** A whole number from a query parameter, clamped; `fallback` when absent or not a number. */
export function intParam(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : fallback;
  return Math.min(max, Math.max(min, n));
}

/** The views of the moderation queue and the query each one sends to content. */
export const commentViews = {
  pending: { label: "Pending", query: { status: "PENDING" as const } },
  reported: { label: "Reported", query: { reported: true } },
  approved: { label: "Approved", query: { status: "APPROVED" as const } },
  rejected: { label: "Rejected", query: { status: "REJECTED" as const } },
};

export type CommentView = keyof typeof commentViews;

export function commentView(value: unknown): CommentView {
  return typeof value === "string" && Object.hasOwn(commentViews, value) ? (value as CommentView) : "pending";
}

/** The kinds of redirect content keeps (RedirectKind), as the admin picks them. */
export const redirectKinds = [
  { value: "POST", label: "Post", prefix: "/posts/" },
  { value: "SERIES", label: "Series", prefix: "/series/" },
  { value: "TAG", label: "Tag", prefix: "/tags/" },
] as const;

export type RedirectKindValue = (typeof redirectKinds)[number]["value"];

export function redirectKind(value: unknown): RedirectKindValue | undefined {
  return redirectKinds.find((k) => k.value === value)?.value;
}

/** The page a slug of a kind lives at on this site. */
export function publicPath(kind: unknown, slug: string | undefined): string {
  const prefix = redirectKinds.find((k) => k.value === kind)?.prefix ?? "/";
  return `${prefix}${slug ?? ""}`;
}
