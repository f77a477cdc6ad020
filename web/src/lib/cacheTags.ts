/** Cache tags: every public read is tagged so a change can expire exactly the pages that show it. */
export const tags = { posts: "posts", post: (slug: string) => `post:${slug}`, series: "series", tagList: "tags" };
