import { check, openNamed, redisFromEnv, type Reply, type RespConnection } from "./resp.ts";
import { tags as cacheTags } from "./cacheTags.ts";

// Keeps the cached public pages true to content's changes: tails content-service's event stream
// (`<namespace>:events:content`, the same Redis Streams the services use) and expires exactly the
// pages an event touches, within a moment of the change committing, whoever made it (the editor,
// the API, the scheduler, an import). Every web instance reads the whole stream from where it was
// (plain XREAD, no consumer group: each instance's cache must hear every change).

/** The cache tags an event expires; empty for events that change no cached page. */
export function tagsFor(type: string, payloadJson: string): string[] {
  if (type.startsWith("content.post-")) {
    let slugs: string[] = [];
    try {
      const p = JSON.parse(payloadJson) as { slug?: unknown; previousSlug?: unknown };
      slugs = [p.slug, p.previousSlug].filter((s): s is string => typeof s === "string" && s.length > 0);
    } catch {
      // unreadable payload: the lists below still expire; a post page expires by time
    }
    return [cacheTags.posts, cacheTags.series, cacheTags.tagList, ...slugs.map(cacheTags.post)];
  }
  if (type.startsWith("content.series-changed")) return [cacheTags.series, cacheTags.posts];
  return [];
}

export interface ListenerOptions {
  host: string;
  port: number;
  password?: string;
  stream: string;
  /** Called with the tags of each batch of events read; errors are logged and the batch retried. */
  expire: (tags: string[]) => Promise<void>;
  blockMs?: number;
  /** CLIENT SETNAME, so an operator sees the connection in CLIENT LIST. */
  clientName?: string;
  log?: (message: string) => void;
}

function fieldsOf(raw: Reply): Map<string, string> {
  const out = new Map<string, string>();
  if (Array.isArray(raw)) for (let i = 0; i + 1 < raw.length; i += 2) out.set(String(raw[i]), String(raw[i + 1]));
  return out;
}

export class ContentEventListener {
  private running = false;
  private conn: RespConnection | undefined;
  private lastId: string | undefined;
  private readonly log: (m: string) => void;

  constructor(private readonly opts: ListenerOptions) {
    this.log = opts.log ?? ((m) => console.warn(`[content-events] ${m}`));
  }

  /** Where reading resumes (the last entry handled); set once the listener first connects. */
  get position(): string | undefined {
    return this.lastId;
  }

  start(): Promise<void> {
    this.running = true;
    return this.loop();
  }

  stop(): void {
    this.running = false;
    this.conn?.close();
  }

  private async loop(): Promise<void> {
    let backoff = 500;
    while (this.running) {
      try {
        this.conn = await openNamed(this.opts, this.opts.clientName ?? "lectern-web-content-events");
        if (this.lastId === undefined) {
          // start after the newest entry: pages rendered before now are expired by ./lectern at start
          const last = check(await this.conn.command("XREVRANGE", this.opts.stream, "+", "-", "COUNT", "1"));
          this.lastId = Array.isArray(last) && Array.isArray(last[0]) ? String(last[0][0]) : "0-0";
        }
        backoff = 500;
        while (this.running) await this.readOnce();
      } catch (e) {
        if (!this.running) break;
        this.log(`${(e as Error).message}; retrying in ${backoff} ms`);
        this.conn?.close();
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 15_000);
      }
    }
  }

  private async readOnce(): Promise<void> {
    const conn = this.conn!;
    const reply = check(await conn.command("XREAD", "COUNT", "200", "BLOCK", String(this.opts.blockMs ?? 5000), "STREAMS", this.opts.stream, this.lastId!));
    if (!Array.isArray(reply)) return; // timed out: nothing new
    const expire = new Set<string>();
    let last = this.lastId!;
    for (const stream of reply) {
      const entries = Array.isArray(stream) ? stream[1] : undefined;
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (!Array.isArray(entry)) continue;
        last = String(entry[0]);
        const fields = fieldsOf(entry[1] ?? null);
        for (const t of tagsFor(fields.get("type") ?? "", fields.get("payload") ?? "")) expire.add(t);
      }
    }
    if (expire.size) await this.opts.expire([...expire]);
    this.lastId = last; // only after the pages are expired: a failure re-reads these entries
  }
}

/** The listener the web server runs (src/instrumentation.ts), configured like the services. */
export function startContentEvents(): ContentEventListener | undefined {
  if (process.env.LECTERN_WEB_CONTENT_EVENTS === "off") return undefined;
  const port = Number(process.env.PORT ?? 3000);
  const secret = process.env.LECTERN_WEB_REVALIDATE_SECRET;
  const listener = new ContentEventListener({
    ...redisFromEnv(),
    stream: `${process.env.LECTERN_EVENTS_NAMESPACE ?? "lectern"}:events:content`,
    expire: async (tags) => {
      const res = await fetch(`http://127.0.0.1:${port}/internal/revalidate`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(secret ? { "x-revalidate-secret": secret } : {}) },
        body: JSON.stringify({ tags }),
      });
      if (!res.ok) throw new Error(`revalidate answered ${res.status}`);
    },
  });
  void listener.start();
  return listener;
}
