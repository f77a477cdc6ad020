import { contentApi, type ContentSchemas } from "@/api/client";
import { pageRevalidateSeconds } from "./config.ts";
import { tags } from "./cacheTags.ts";
import { slugStatusOf } from "./slugStatus.ts";

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
  const status = slugStatusOf(response.status, response.headers.get("location"));
  if (!status || status.kind === "found") throw new Error(`content answered ${response.status} for post ${slug}`);
  return status;
}
