import { siteName } from "./config.ts";

// The HTML the proxy sends with a deleted post's 410: the site's own page (src/app/internal/removed-post,
// static, in the site's layout) read once from this server, or, while that cannot be read, a plain page.

const PAGE_PATH = "/internal/removed-post";

let page: Promise<string> | undefined;

export async function removedPostHtml(): Promise<string> {
  page ??= fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}${PAGE_PATH}`, {
    cache: "no-store",
    headers: { "user-agent": "lectern-web" },
    signal: AbortSignal.timeout(5_000),
  }).then(async (res) => {
    const html = await res.text();
    if (!res.ok) throw new Error(`${PAGE_PATH} answered ${res.status}`);
    return html;
  });
  try {
    return await page;
  } catch (e) {
    page = undefined; // asked again next time
    console.warn(`[removed-post] ${(e as Error).message}; sending the plain page`);
    return plainPage();
  }
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function plainPage(): string {
  const site = escape(siteName);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Post removed · ${site}</title>
<style>body{font:18px/1.6 system-ui,sans-serif;max-width:720px;margin:0 auto;padding:24px 16px;color:#1a1a1a;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e8e8e8;background:#121212}a{color:#8ab4f8}}</style></head>
<body><header><a href="/">${site}</a></header><main id="main"><h1>This post was removed</h1>
<p>The post that was at this address has been deleted and will not come back.</p>
<p><a href="/">Read the latest posts</a> or <a href="/search">search for another one</a>.</p></main></body></html>
`;
}
