import { revalidatePath, revalidateTag } from "next/cache";
import { postSlugsOf } from "./cacheTags.ts";
import { slugStatuses } from "./slugStatus.ts";

// The one way a change expires what this server remembers of content: the cached pages with these tags,
// and what the proxy knows about the slugs of the posts they name (moved, gone, found, missing).

export function expireTags(list: readonly string[]): void {
  for (const t of list) revalidateTag(t, { expire: 0 });
  slugStatuses().drop(postSlugsOf(list));
}

export function expireAll(): void {
  revalidatePath("/", "layout");
  slugStatuses().clear();
}
