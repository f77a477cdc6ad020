import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { plainPage, removedPostHtml } from "../src/lib/removedPost.ts";

test("the deleted post's page is read once from the server's own removed-post page; while that fails, a plain page with a way home is sent", async () => {
  let healthy = false;
  let reads = 0;
  const server = createServer((req, res) => {
    reads++;
    if (req.url !== "/internal/removed-post" || !healthy) return void res.writeHead(503).end("starting");
    res.writeHead(200, { "content-type": "text/html" }).end("<html><h1>This post was removed</h1><nav>site</nav></html>");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  process.env.PORT = String((server.address() as AddressInfo).port);
  const warn = console.warn;
  console.warn = () => {};
  try {
    assert.equal(await removedPostHtml(), plainPage());
    healthy = true;
    assert.match(await removedPostHtml(), /<nav>site<\/nav>/, "asked again after a failure");
    assert.match(await removedPostHtml(), /<nav>site<\/nav>/);
    assert.equal(reads, 2, "kept once read");
  } finally {
    console.warn = warn;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test("the plain page is a complete, labelled document with a link home", () => {
  const html = plainPage();
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<title>Post removed · [^<]+<\/title>/);
  assert.match(html, /<h1>This post was removed<\/h1>/);
  assert.match(html, /<a href="\/">Read the latest posts<\/a>/);
  assert.match(html, /<meta name="robots" content="noindex">/);
});
