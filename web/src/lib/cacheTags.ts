/** Cache tags: every public read is tagged so a change can expire exactly the pages that show it. */
export const tags = { posts: "posts", post: (slug: string) => `post:${slug}`, series: "series", tagList: "tags" };

/** The post slugs named by `post:<slug>` tags. */
export function postSlugsOf(list: readonly string[]): string[] {
  return list.filter((t) => t.startsWith("post:") && t.length > 5).map((t) => t.slice(5));
}
