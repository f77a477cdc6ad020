// End-to-end suite: Debian's chromium driven by playwright-core, through the gateway of a platform
// started by ./lectern up (./lectern test starts one on its own port base). Each test names what it
// proves; screenshots of the main pages at 1280 px and 390 px go to web/e2e-screenshots/.
//   E2E_BASE_URL   the gateway (http://127.0.0.1:PORT_BASE)
//   E2E_MAIL_URL   GreenMail's REST API (PORT_BASE + 26)
//   E2E_DB_URL     the platform's database (promotes the test author: there is no admin bootstrap yet)
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const BASE = (process.env.E2E_BASE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
const PORT_BASE = Number(new URL(BASE).port || 80);
const MAIL = process.env.E2E_MAIL_URL ?? `http://127.0.0.1:${PORT_BASE + 26}`;
const IDENTITY = `http://127.0.0.1:${PORT_BASE + 1}`;
const CONTENT = `http://127.0.0.1:${PORT_BASE + 2}`;
const DB_URL = process.env.E2E_DB_URL ?? `postgresql://postgres@127.0.0.1:5432/${process.env.LECTERN_DB_NAME ?? "lectern"}`;
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), "..", "e2e-screenshots");
const run = Date.now().toString(36);
const PASSWORD = "correct horse battery staple";

// ---------- helpers ----------
async function json(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } });
  const text = await res.text();
  let body;
  try { body = text ? JSON.parse(text) : undefined; } catch { body = text; }
  if (!res.ok && !init.allowError) throw new Error(`${init.method ?? "GET"} ${url} -> ${res.status} ${text.slice(0, 300)}`);
  return { status: res.status, body, headers: res.headers };
}
async function until(what, fn, timeoutMs = 20_000, pauseMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { const v = await fn(); if (v) return v; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}
async function mails(email) {
  const res = await fetch(`${MAIL}/api/user/${encodeURIComponent(email)}/messages/`);
  return res.ok ? res.json() : [];
}
function linkIn(mime, path) {
  const flat = mime.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const m = flat.match(new RegExp(`https?://[^\\s"<>]*${path}\\?token=[A-Za-z0-9_%.-]+`));
  return m ? m[0] : null;
}
async function registerVerified(name, roles) {
  const email = `${name}-${run}@example.org`;
  await json(`${IDENTITY}/api/v1/auth/register`, { method: "POST", body: JSON.stringify({ email, password: PASSWORD, displayName: `${name} ${run}` }) });
  const link = await until(`verification mail for ${email}`, async () => { const m = await mails(email); return m.length ? linkIn(m[0].mimeMessage, "/verify-email") : null; });
  const token = decodeURIComponent(new URL(link).searchParams.get("token"));
  await json(`${IDENTITY}/api/v1/auth/verify`, { method: "POST", body: JSON.stringify({ token }) });
  if (roles) psql(`update identity.users set roles = array[${roles.map((r) => `'${r}'`).join(",")}]::text[] where email_normalized = '${email}'`);
  return { email };
}
/** Runs SQL on the platform's database; the answer's rows, unaligned and without headers. */
function psql(sql) {
  return execFileSync("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-tA", DB_URL, "-c", sql], { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" }).trim();
}
async function apiToken(email) {
  const { body } = await json(`${IDENTITY}/api/v1/auth/login`, { method: "POST", body: JSON.stringify({ email, password: PASSWORD }) });
  return body.accessToken;
}
async function signIn(page, email) {
  await page.goto(`${BASE}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
}
// A client component's element is interactive once React has hydrated it (its props are on the node):
// text filled in before that is reset by hydration, and a click on a form's button submits it natively.
async function hydrated(locator) {
  await until("the element to be hydrated", () => locator.evaluate((el) => document.readyState === "complete" && Object.keys(el).some((k) => k.startsWith("__reactProps$"))), 15_000, 50);
  return locator;
}
/**
 * Clicks a Next.js <Link> once React has hydrated it (its props are on the element). A click that
 * lands while the page is still hydrating can be swallowed by the router (vercel/next.js#55735), and a
 * reader does not click within milliseconds of a page appearing; a script does. For pages with
 * JavaScript on only: without it the link is a plain anchor and is clicked as one.
 */
async function followLink(link) {
  await hydrated(link);
  await link.click();
}
async function shoot(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
async function noSeriousA11yViolations(page, name) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), [], `axe on ${name}`);
}

// ---------- fixtures: an author with a series of two posts and a premium post ----------
const author = await registerVerified("author", ["reader", "author", "admin"]);
const authorToken = await apiToken(author.email);
const auth = { authorization: `Bearer ${authorToken}` };
const series = (await json(`${CONTENT}/api/v1/admin/series`, { method: "POST", headers: auth, body: JSON.stringify({ title: `Streams ${run}`, slug: `streams-${run}`, description: "Java streams from the ground up." }) })).body;
async function publishedPost(title, extra) {
  const created = (await json(`${CONTENT}/api/v1/admin/posts`, { method: "POST", headers: auth, body: JSON.stringify({ title, markdown: `## ${title}\n\nStreams compose lazily. Collectors gather results.\n\n${"Words to read. ".repeat(120)}`, excerpt: `About ${title}.`, difficulty: "BEGINNER", premium: false, tags: ["java"], ...extra }) })).body;
  return (await json(`${CONTENT}/api/v1/admin/posts/${created.id}/publish`, { method: "POST", headers: auth })).body;
}
const part1 = await publishedPost(`Streams part one ${run}`, { seriesId: series.id, seriesPosition: 1 });
const part2 = await publishedPost(`Streams part two ${run}`, { seriesId: series.id, seriesPosition: 2 });
const premium = await publishedPost(`Premium collectors ${run}`, { premium: true, markdown: `## Premium\n\nSECRET-BODY-${run} only members read this.` });
// pages were cached while the fixtures did not exist yet
await fetch(`http://127.0.0.1:${PORT_BASE + 7}/internal/revalidate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ all: true }) });

mkdirSync(SHOTS, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test("a visitor reads a post from the home page and follows its series", async (ctx) => {
  const page = await ctx.newPage();
  await page.goto(`${BASE}/`);
  await followLink(page.getByRole("link", { name: part1.title }));
  await page.waitForURL(`**/posts/${part1.slug}`);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), part1.title);
  assert.match(await page.locator(".meta").first().textContent(), /min read/);
  await followLink(page.getByRole("link", { name: new RegExp(part2.title) }).first());
  await page.waitForURL(`**/posts/${part2.slug}`);
  await followLink(page.getByRole("link", { name: series.title }));
  await page.waitForURL(`**/series/${series.slug}`);
  assert.equal(await page.getByRole("link", { name: part1.title }).count(), 1);
  assert.equal(await page.getByRole("link", { name: part2.title }).count(), 1);
});

test("a post page is complete with JavaScript off: body, title, description, canonical, Open Graph, JSON-LD Article", async (_ctx, browser) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const res = await page.goto(`${BASE}/posts/${part1.slug}`);
  assert.equal(res.status(), 200);
  assert.match(await page.title(), new RegExp(part1.title));
  assert.equal(await page.locator('meta[name="description"]').getAttribute("content"), `About ${part1.title}.`);
  assert.equal(await page.locator('link[rel="canonical"]').getAttribute("href"), `${process.env.E2E_PUBLIC_URL ?? BASE}/posts/${part1.slug}`);
  assert.equal(await page.locator('meta[property="og:type"]').getAttribute("content"), "article");
  assert.match(await page.locator('meta[property="og:title"]').getAttribute("content"), new RegExp(part1.title));
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld["@type"], "Article");
  assert.equal(ld.headline, part1.title);
  assert.match(await page.locator("article .body").textContent(), /Collectors gather results/);
  await ctx.close();
});

test("an unknown post is a real 404", async () => {
  const res = await fetch(`${BASE}/posts/no-such-post-${run}`);
  assert.equal(res.status, 404);
});

test("a premium post shows a free reader only its excerpt and the plans", async (ctx) => {
  const reader = await registerVerified("free");
  for (const signedIn of [false, true]) {
    const c = signedIn ? ctx : await ctx.browser().newContext();
    const page = await c.newPage();
    if (signedIn) await signIn(page, reader.email);
    await page.goto(`${BASE}/posts/${premium.slug}`);
    const text = await page.locator("article").textContent();
    assert.ok(!text.includes(`SECRET-BODY-${run}`), `premium body leaked (signed in: ${signedIn})`);
    assert.match(text, /for premium members/);
    assert.equal(await page.getByRole("link", { name: "See the plans" }).count(), 1);
    if (!signedIn) await c.close();
  }
});

test("a reader registers, verifies from the mailbox, signs in, comments and sees a reply notification arrive live", async (ctx) => {
  const page = await ctx.newPage();
  const email = `reader-${run}@example.org`;
  await page.goto(`${BASE}/register`);
  await page.getByLabel("Name").fill(`Reader ${run}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText("Check your inbox").waitFor();
  const link = await until("verification mail", async () => { const m = await mails(email); return m.length ? linkIn(m[0].mimeMessage, "/verify-email") : null; });
  const path = new URL(link);
  await page.goto(`${BASE}${path.pathname}${path.search}`);
  await page.getByRole("button", { name: "Verify my email address" }).click();
  await page.waitForURL("**/signin?verified=1");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.goto(`${BASE}/posts/${part1.slug}`);
  await (await hydrated(page.getByLabel("Add a comment"))).fill(`Great post ${run}`);
  const [posted] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/posts/${part1.slug}/comments`) && r.request().method() === "POST"),
    page.getByRole("button", { name: "Post comment" }).click(),
  ]);
  assert.equal(posted.status(), 201);
  const mine = await posted.json();
  if (mine.status === "PENDING") {
    await page.getByText("appears once a moderator approves it").waitFor();
    // a first comment waits for a moderator; the author (an admin here) approves it
    await json(`${CONTENT}/api/v1/admin/comments/${mine.id}/approve`, { method: "POST", headers: auth });
  }
  await page.reload();
  await page.locator("li.comment", { hasText: `Great post ${run}` }).first().waitFor();

  const inbox = await ctx.newPage();
  await inbox.goto(`${BASE}/notifications`);
  await inbox.locator('[data-live="on"]').waitFor();
  await shoot(inbox, "notifications");
  await json(`${CONTENT}/api/v1/posts/${part1.slug}/comments`, { method: "POST", headers: auth, body: JSON.stringify({ body: `Thanks ${run}!`, parentId: mine.id }) });
  // arrives over the stream: the page is not reloaded
  await inbox.locator(".notification", { hasText: /repl/i }).first().waitFor({ timeout: 20_000 });
});

test("an author writes a post with an uploaded image, schedules it, publishes it, and it is on the home page and in the feed", async (ctx) => {
  const page = await ctx.newPage();
  await signIn(page, author.email);
  await page.goto(`${BASE}/author/posts/new`);
  await noSeriousA11yViolations(page, "editor");
  const title = `Fresh from the editor ${run}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Markdown").fill("Written in the browser.\n");
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  await page.getByLabel("Upload an image").setInputFiles({ name: "diagram.png", mimeType: "image/png", buffer: png });
  await page.getByText("Uploaded diagram.png.").waitFor();
  assert.match(await page.getByLabel("Markdown").inputValue(), /!\[diagram\]\(.+\)/);
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByText("Status: DRAFT").waitFor();
  assert.match(await page.locator('section[aria-label="Preview"]').innerHTML(), /<img[^>]+src=/);
  await shoot(page, "editor");
  const later = new Date(Date.now() + 3 * 24 * 3600_000);
  const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel("Publish at").fill(local);
  await page.getByRole("button", { name: "Schedule" }).click();
  await page.getByText("Status: SCHEDULED").waitFor();
  await page.getByRole("button", { name: "Publish now" }).click();
  await page.getByText("Status: PUBLISHED").waitFor();
  const visitor = await ctx.browser().newContext();
  const home = await visitor.newPage();
  await home.goto(`${BASE}/`);
  assert.equal(await home.getByRole("link", { name: title }).count(), 1);
  const feed = await (await fetch(`${BASE}/feed.xml`)).text();
  assert.ok(feed.includes(title), "post in the feed");
  await visitor.close();
});

test("two tabs refreshing an expired access token at the same moment both stay signed in", async (ctx) => {
  const reader = await registerVerified("tabs");
  const page = await ctx.newPage();
  await signIn(page, reader.email);
  const cookies = await ctx.cookies(BASE);
  assert.ok(cookies.find((c) => c.name === "lectern_rt")?.httpOnly, "refresh token cookie is httpOnly");
  assert.ok(cookies.find((c) => c.name === "lectern_at")?.httpOnly, "access token cookie is httpOnly");
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => /token/i.test(k)).length), 0);
  await ctx.clearCookies({ name: "lectern_at" });
  const [a, b] = [await ctx.newPage(), await ctx.newPage()];
  await Promise.all([a.goto(`${BASE}/account/settings`), b.goto(`${BASE}/account/settings`)]);
  for (const p of [a, b]) assert.equal(new URL(p.url()).pathname, "/account/settings");
  await a.reload();
  assert.equal(new URL(a.url()).pathname, "/account/settings", "still signed in after the refresh race");
  const sessions = (await json(`${IDENTITY}/api/v1/auth/sessions`, { headers: { authorization: `Bearer ${await apiToken(reader.email)}` } })).body;
  assert.ok(sessions.length >= 1);
});

test("a state-changing call without the CSRF token is refused", async (ctx) => {
  const page = await ctx.newPage();
  await page.goto(`${BASE}/`);
  const status = await page.evaluate(async () => (await fetch("/bff/api/v1/posts/x/comments", { method: "POST", headers: { "content-type": "application/json" }, body: "{\"body\":\"x\"}" })).status);
  assert.equal(status, 403);
});

test("search highlights the matching words", async (ctx) => {
  const page = await ctx.newPage();
  await until("search index", async () => { await page.goto(`${BASE}/search?q=collectors`); return (await page.locator("mark").count()) > 0; });
  assert.match((await page.locator("mark").first().textContent()).toLowerCase(), /collector/);
});

test("axe finds no serious or critical violation on home, post, search, sign-in and settings; screenshots", async (ctx) => {
  const page = await ctx.newPage();
  for (const [name, path] of [["home", "/"], ["post", `/posts/${part1.slug}`], ["search", "/search?q=streams"], ["signin", "/signin"], ["series", `/series/${series.slug}`]]) {
    await page.goto(`${BASE}${path}`);
    await noSeriousA11yViolations(page, name);
    await shoot(page, name);
  }
  await signIn(page, author.email);
  await page.goto(`${BASE}/account/settings`);
  await noSeriousA11yViolations(page, "settings");
  await shoot(page, "settings");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`${BASE}/posts/${part1.slug}`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await noSeriousA11yViolations(page, "post (dark)");
  await shoot(page, "post-dark");
});

// ---------- more specs: e2e/specs/*.mjs, each `export default function ({ test, ...fixtures })` ----------
const specsDir = join(dirname(fileURLToPath(import.meta.url)), "specs");
const shared = {
  test, assert, BASE, PORT_BASE, MAIL, IDENTITY, CONTENT, DB_URL, run, PASSWORD, PORTS: { learning: PORT_BASE + 3, ai: PORT_BASE + 4, billing: PORT_BASE + 5, notify: PORT_BASE + 6, web: PORT_BASE + 7 },
  json, until, mails, linkIn, registerVerified, psql, apiToken, signIn, hydrated, followLink, shoot, noSeriousA11yViolations,
  author, authorToken, auth, series, part1, part2, premium, publishedPost,
};
for (const file of readdirSync(specsDir, { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith(".mjs")).map((f) => f.name).sort()) {
  const spec = await import(join(specsDir, file));
  await spec.default(shared);
}

// ---------- runner ----------
let failed = 0;
let ran = 0;
const only = process.env.E2E_ONLY;
for (const t of tests) {
  if (only && !only.split("|").some((o) => t.name.includes(o))) continue;
  ran++;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const started = Date.now();
  try {
    await t.fn(ctx, browser);
    console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${t.name}\n     ${String(e.stack ?? e).split("\n").slice(0, 6).join("\n     ")}`);
    const pages = ctx.pages();
    if (pages.length) await pages[pages.length - 1].screenshot({ path: join(SHOTS, `failed-${tests.indexOf(t)}.png`) }).catch(() => {});
  } finally {
    await ctx.close();
  }
}
await browser.close();
console.log(`${ran - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
