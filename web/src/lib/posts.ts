import { contentApi, type ContentSchemas } from "@/api/client";
import { pageRevalidateSeconds } from "./config.ts";
import { tags } from "./cacheTags.ts";

export type Post = ContentSchemas["PostResponse"];
export type PostSummary = ContentSchemas["PostSummary"];

export type PostLookup =
  | { kind: "found"; post: Post }
  | { kind: "moved"; slug: string }
  | { kind: "gone" }
  | { kind: "missing" };

export { tags } from "./cacheTags.ts";

export async function lookupPost(slug: string, token?: string): Promise<PostLookup> {
  const api = contentApi(token, { tags: [tags.posts, tags.post(slug)], revalidate: pageRevalidateSeconds });
  const { data, response } = await api.GET("/api/v1/posts/{slug}", { params: { path: { slug } } });
  if (data) return { kind: "found", post: data as Post };
  if (response.status === 301 || response.status === 308) {
    const loc = response.headers.get("location") ?? "";
    const moved = loc.split("?")[0]?.split("/").filter(Boolean).pop();
    if (moved) return { kind: "moved", slug: decodeURIComponent(moved) };
  }
  if (response.status === 410) return { kind: "gone" };
  if (response.status === 404) return { kind: "missing" };
  throw new Error(`content answered ${response.status} for post ${slug}`);
}
