import { after } from "next/server";
import { revalidatePath, revalidateTag } from "next/cache";
import { postSlugsOf } from "./cacheTags.ts";
import { slugStatuses } from "./slugStatus.ts";
import { pagesChanged } from "./pagesChanged.ts";

// The one way a change expires what this server remembers of content: the cached pages with these tags,
// and what the proxy knows about the slugs of the posts they name (moved, gone, found, missing); then the
// gateway hears that pages changed and empties its own copy of them (ADR 0103).
//
// Callers are route handlers. Next applies a handler's revalidateTag calls when the handler returns,
// before it sends the answer (revalidation-utils' executeRevalidates updates the in-memory tags manifest
// synchronously), and runs after() callbacks once the answer is sent: so the gateway is told only once
// the pages are expired here, and a page it stores after hearing it is a fresh one.

export function expireTags(list: readonly string[]): void {
  for (const t of list) revalidateTag(t, { expire: 0 });
  slugStatuses().drop(postSlugsOf(list));
  if (list.length) announceWhenExpired();
}

export function expireAll(): void {
  revalidatePath("/", "layout");
  slugStatuses().clear();
  announceWhenExpired();
}

const ATTEMPTS = 4;

function announceWhenExpired(): void {
  after(async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await pagesChanged().announce();
        return;
      } catch (e) {
        // the gateway serves its copies only while it is subscribed: with Redis away it serves none, and
        // with Redis here a copy lives at most its max-ttl (30 s) should every attempt fail
        console.warn(`[pages-changed] could not tell the gateway (attempt ${attempt} of ${ATTEMPTS}): ${(e as Error).message}`);
        if (attempt === ATTEMPTS) return;
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  });
}
