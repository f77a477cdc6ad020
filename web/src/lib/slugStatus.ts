import { pageRevalidateSeconds, serviceUrls } from "./config.ts";

// What content answers for a post's slug, which is the same for every reader (content looks up published
// posts only; premium is decided on the page). The proxy answers an old slug with a 301 and a deleted
// post with a 410 from this, since a page (a server component) can only say 308 or 404.
export type SlugStatus =
  | { kind: "found" }
  | { kind: "moved"; slug: string }
  | { kind: "gone" }
  | { kind: "missing" };

// content's rule for slugs (content-service Slugs.java): anything else is no post's slug, old or new
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MAX_LENGTH = 120;

/** Whether a path segment can be a post's slug at all (bounds what is asked and remembered). */
export function isPostSlug(segment: string): boolean {
  return segment.length <= SLUG_MAX_LENGTH && SLUG.test(segment);
}

const FOUND: SlugStatus = { kind: "found" };
const GONE: SlugStatus = { kind: "gone" };
const MISSING: SlugStatus = { kind: "missing" };

/** The slug an old slug's Location (`/api/v1/posts/<slug>`) leads to. */
export function movedSlug(location: string | null): string | undefined {
  const last = (location ?? "").split("?")[0]?.split("/").filter(Boolean).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

/** Content's answer to `GET /api/v1/posts/{slug}`; undefined for anything else (an outage, a bug). */
export function slugStatusOf(status: number, location: string | null): SlugStatus | undefined {
  if (status === 200) return FOUND;
  if (status === 301 || status === 308) {
    const slug = movedSlug(location);
    return slug ? { kind: "moved", slug } : undefined;
  }
  if (status === 410) return GONE;
  if (status === 404) return MISSING;
  return undefined;
}

export interface SlugStatusCacheOptions {
  /** How long an answer is trusted when no change is heard (the page's own revalidation period). */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface Entry {
  status: SlugStatus;
  expires: number;
}

/**
 * Bounded, per-process memory of slug statuses. Reading a fresh entry is one Map lookup (the post page's
 * hot path). A miss asks content once, however many requests wait for the same slug. Entries leave when a
 * change to their post is heard ({@link drop}), after the TTL (a backstop for a change not heard), or
 * oldest first once the bound is reached (insertion order: a slug read all the time is asked again every
 * TTL, which puts it back at the young end, so this behaves like an LRU without touching the Map on a hit).
 * A lookup that was under way while a change was heard is answered but not remembered: it may have read
 * the state before the change.
 */
export class SlugStatusCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<SlugStatus | undefined>>();
  private generation = 0;
  private readonly now: () => number;

  constructor(
    private readonly ask: (slug: string) => Promise<SlugStatus | undefined>,
    private readonly opts: SlugStatusCacheOptions,
  ) {
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The remembered status while it is fresh, else undefined. */
  peek(slug: string): SlugStatus | undefined {
    const e = this.entries.get(slug);
    return e !== undefined && e.expires > this.now() ? e.status : undefined;
  }

  /** The remembered status, else content's (undefined when content could not say). */
  status(slug: string): Promise<SlugStatus | undefined> {
    const fresh = this.peek(slug);
    if (fresh) return Promise.resolve(fresh);
    const pending = this.inFlight.get(slug);
    if (pending) return pending;
    const started = this.generation;
    const lookup: Promise<SlugStatus | undefined> = this.ask(slug)
      .then(
        (s) => {
          if (s && this.generation === started) this.remember(slug, s);
          return s;
        },
        () => undefined,
      )
      .finally(() => {
        if (this.inFlight.get(slug) === lookup) this.inFlight.delete(slug);
      });
    this.inFlight.set(slug, lookup);
    return lookup;
  }

  /**
   * A change touched these posts' slugs: forget them, and the old slugs remembered as leading to one of
   * them (content collapses redirect chains on a rename; a remembered hop would be one too many, or lead
   * to a deleted post).
   */
  drop(slugs: Iterable<string>): void {
    const touched = new Set(slugs);
    if (touched.size === 0) return;
    this.generation++;
    for (const s of touched) {
      this.entries.delete(s);
      this.inFlight.delete(s);
    }
    for (const [slug, e] of this.entries) {
      if (e.status.kind === "moved" && touched.has(e.status.slug)) this.entries.delete(slug);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inFlight.clear();
  }

  private remember(slug: string, status: SlugStatus): void {
    this.entries.delete(slug);
    this.entries.set(slug, { status, expires: this.now() + this.opts.ttlMs });
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** Asks content anonymously (the answer is the same for everyone), as the page's own read would. */
export async function askContent(slug: string, contentUrl: string = serviceUrls.content): Promise<SlugStatus | undefined> {
  const res = await fetch(`${contentUrl}/api/v1/posts/${encodeURIComponent(slug)}`, {
    redirect: "manual",
    cache: "no-store",
    headers: { accept: "application/json, application/problem+json", "user-agent": "lectern-web" },
    signal: AbortSignal.timeout(5_000),
  });
  await res.arrayBuffer(); // read to the end, so the connection is kept for the next call
  return slugStatusOf(res.status, res.headers.get("location"));
}

// One cache per process, shared by the proxy and the route handlers that hear changes (they are separate
// bundles with separate module instances, but one globalThis in the Node.js server).
const KEY: unique symbol = Symbol.for("lectern.slugStatuses");

export function slugStatuses(): SlugStatusCache {
  const g = globalThis as { [KEY]?: SlugStatusCache };
  return (g[KEY] ??= new SlugStatusCache(askOrWarn, { ttlMs: pageRevalidateSeconds * 1000, maxEntries: 10_000 }));
}

// While content is away every post request would fail the same way: one warning per 10 s says so.
let lastWarning = 0;
async function askOrWarn(slug: string): Promise<SlugStatus | undefined> {
  let problem: string;
  try {
    const status = await askContent(slug);
    if (status) return status;
    problem = "an unexpected answer";
  } catch (e) {
    problem = (e as Error).message;
  }
  if (Date.now() - lastWarning > 10_000) {
    lastWarning = Date.now();
    console.warn(`[slug-status] content could not say what became of post ${slug} (${problem}); the page answers instead`);
  }
  return undefined;
}
