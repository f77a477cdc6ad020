// Ask AI (post page and /ask), hybrid search, plans and the billing account page; with a Stripe
// stand-in (when the platform's billing was started with STRIPE_API_BASE on a loopback port, see
// stripeStandIn below) also checkout, cancel at period end, invoices and the portal.
import { createServer } from "node:http";
import { createHmac } from "node:crypto";

/**
 * Stripe's API as far as billing-service uses it, on the port of STRIPE_API_BASE (the same variables
 * must reach billing through `./lectern up`): customers, checkout sessions, subscriptions, invoices and
 * portal sessions in memory, a checkout page whose Pay button sends billing a signed
 * checkout.session.completed webhook before returning to the site, as Stripe does.
 */
function stripeStandIn({ port, secret, webhookUrl }) {
  const customers = new Map();
  const sessions = new Map();
  const subs = new Map();
  let n = 0;
  const id = (prefix) => `${prefix}_e2e${Date.now().toString(36)}${++n}`;
  const now = () => Math.floor(Date.now() / 1000);
  const list = (url, data) => ({ object: "list", url, has_more: false, data });
  const subJson = (s) => ({
    id: s.id, object: "subscription", customer: s.customer, status: s.status, cancel_at_period_end: s.cancelAtPeriodEnd,
    ended_at: null, created: s.created, metadata: s.metadata,
    items: list("/v1/subscription_items", [{ id: `si_${s.id}`, object: "subscription_item", current_period_start: s.created, current_period_end: s.created + 30 * 86400, price: { id: s.price, object: "price" } }]),
  });
  const send = (res, status, body, type = "application/json") => {
    res.writeHead(status, { "content-type": type });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const c of req) raw += c;
    const form = new URLSearchParams(raw);
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    const p = url.pathname;
    if (req.method === "POST" && p === "/v1/customers") {
      const c = { id: id("cus"), object: "customer", metadata: { user_id: form.get("metadata[user_id]") } };
      customers.set(c.id, c);
      return send(res, 200, c);
    }
    if (req.method === "POST" && p === "/v1/checkout/sessions") {
      const s = {
        id: id("cs"), object: "checkout.session", mode: "subscription", customer: form.get("customer"),
        client_reference_id: form.get("client_reference_id"), price: form.get("line_items[0][price]"),
        success_url: form.get("success_url"), cancel_url: form.get("cancel_url"),
        metadata: { user_id: form.get("subscription_data[metadata][user_id]"), plan: form.get("subscription_data[metadata][plan]") },
      };
      s.url = `http://127.0.0.1:${port}/c/pay/${s.id}`;
      sessions.set(s.id, s);
      return send(res, 200, { id: s.id, object: s.object, mode: s.mode, customer: s.customer, url: s.url });
    }
    if (req.method === "GET" && p.startsWith("/c/pay/")) {
      const s = sessions.get(p.slice(7));
      if (!s) return send(res, 404, "no such session", "text/plain");
      return send(res, 200, `<!doctype html><html lang="en"><title>Stripe stand-in checkout</title><main><h1>Pay for ${s.metadata.plan}</h1>`
        + `<form method="post" action="/c/pay/${s.id}/complete"><button>Pay</button></form><a href="${s.cancel_url}">Back to the site</a></main></html>`, "text/html");
    }
    if (req.method === "POST" && /^\/c\/pay\/[^/]+\/complete$/.test(p)) {
      const s = sessions.get(p.split("/")[3]);
      const sub = { id: id("sub"), customer: s.customer, status: "active", cancelAtPeriodEnd: false, created: now(), price: s.price, metadata: s.metadata };
      subs.set(sub.id, sub);
      const event = JSON.stringify({ id: id("evt"), object: "event", type: "checkout.session.completed", created: now(),
        data: { object: { id: s.id, object: "checkout.session", mode: "subscription", customer: s.customer, subscription: sub.id, client_reference_id: s.client_reference_id } } });
      const t = now();
      const sig = createHmac("sha256", secret).update(`${t}.${event}`).digest("hex");
      const hook = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": `t=${t},v1=${sig}` }, body: event });
      if (!hook.ok) return send(res, 502, `webhook answered ${hook.status}: ${await hook.text()}`, "text/plain");
      res.writeHead(303, { location: s.success_url.replace("{CHECKOUT_SESSION_ID}", s.id) });
      return res.end();
    }
    if (p.startsWith("/v1/subscriptions/")) {
      const sub = subs.get(p.slice(18));
      if (!sub) return send(res, 404, { error: { type: "invalid_request_error", code: "resource_missing", message: "No such subscription" } });
      if (req.method === "POST" && form.has("cancel_at_period_end")) sub.cancelAtPeriodEnd = form.get("cancel_at_period_end") === "true";
      return send(res, 200, subJson(sub));
    }
    if (req.method === "GET" && p === "/v1/subscriptions") {
      return send(res, 200, list("/v1/subscriptions", [...subs.values()].filter((s) => s.customer === url.searchParams.get("customer")).map(subJson)));
    }
    if (req.method === "GET" && p === "/v1/invoices") {
      const mine = [...subs.values()].filter((s) => s.customer === url.searchParams.get("customer"));
      return send(res, 200, list("/v1/invoices", mine.map((s) => ({
        id: `in_${s.id}`, object: "invoice", number: `E2E-${s.id.slice(-4)}`, status: "paid", amount_due: 900, amount_paid: 900,
        currency: "usd", created: s.created, customer: s.customer, hosted_invoice_url: `http://127.0.0.1:${port}/i/in_${s.id}`, invoice_pdf: null,
      }))));
    }
    if (req.method === "POST" && p === "/v1/billing_portal/sessions") {
      return send(res, 200, { id: id("bps"), object: "billing_portal.session", customer: form.get("customer"), url: `http://127.0.0.1:${port}/portal/${form.get("customer")}` });
    }
    if (req.method === "GET" && (p.startsWith("/portal/") || p.startsWith("/i/"))) {
      return send(res, 200, `<!doctype html><html lang="en"><title>Stripe stand-in</title><h1>Stripe stand-in ${p.startsWith("/i/") ? "invoice" : "portal"}</h1></html>`, "text/html");
    }
    return send(res, 404, { error: { type: "invalid_request_error", message: `stand-in has no ${req.method} ${p}` } });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

export default function ({ test, assert, BASE, PORTS, json, until, registerVerified, apiToken, signIn, followLink, shoot, noSeriousA11yViolations, auth, part1, premium, run, publishedPost }) {
  const AI = `http://127.0.0.1:${PORTS.ai}`;
  const BILLING = `http://127.0.0.1:${PORTS.billing}`;
  const claims = (token) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"));

  // indexing follows publishing asynchronously (content event -> ai-service chunks and embeds)
  async function indexed(post) {
    await until(`ai-service to index ${post.slug}`, async () => {
      const r = await json(`${AI}/api/v1/hybrid-search?${new URLSearchParams({ q: post.title, limit: "50" })}`, { allowError: true });
      return r.status === 200 && r.body.results.some((h) => h.slug === post.slug);
    }, 60_000);
  }

  test("ask AI: a signed-in reader asks about part1 on its post page, sees the answer with source links, rates it, and follows up on /ask with a quoted, cited answer", async (ctx) => {
    // the fixture posts' sentences are too short to quote (ai-service quotes sentences of 4+ words)
    const quotable = await publishedPost(`Lazy pipelines ${run}`, { markdown: "## How a pipeline runs\n\nA stream pipeline does no work until a terminal operation asks for a result. Intermediate operations such as map and filter only describe the steps to take.\n\n## Collecting\n\nThe collect method gathers the remaining elements into a list or a map at the very end." });
    const reader = await registerVerified("asker");
    await Promise.all([indexed(part1), indexed(quotable)]);
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/posts/${part1.slug}`);
    const panel = page.locator("section.ask");
    const first = "How do streams compose, and what gathers the results?";
    await panel.getByLabel(/Your question about/).fill(first);
    await panel.getByRole("button", { name: "Ask", exact: true }).click();
    await panel.getByRole("status").filter({ hasText: /Answer complete|do not cover/ }).waitFor({ timeout: 30_000 });
    assert.ok((await panel.locator(".ask-answer").first().textContent()).trim().length > 0, "an answer arrived");
    const sources = panel.locator('.sources a[href^="/posts/"]');
    const hrefs = await sources.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.some((h) => h.startsWith(`/posts/${part1.slug}`)), `part1 is among the source links: ${hrefs.join(", ")}`);
    const liveHeading = await panel.locator(".sources-h").first().textContent();
    const liveSources = await panel.locator(".sources").first().innerText();
    const liveMarkers = await panel.locator('.ask-answer sup a[href^="#"]').count();
    await panel.getByRole("button", { name: /Yes/ }).click();
    await panel.getByText("Thanks for the feedback.").waitFor();
    const keep = panel.getByRole("link", { name: "Open this conversation in Ask AI" });
    assert.match(await keep.getAttribute("href"), /^\/ask\?thread=[0-9a-f-]{36}$/);

    // the thread is kept: /ask lists it, shows its turn with the sources the live answer listed, and takes a follow-up
    await page.goto(`${BASE}/ask`);
    await followLink(page.getByRole("link", { name: first }));
    await page.waitForURL(/\/ask\?thread=/);
    const thread = page.locator("section.ask");
    await thread.getByText(first).waitFor();
    const reopened = thread.locator(".ask-turn").first();
    assert.equal(await reopened.locator(".sources-h").textContent(), liveHeading, "the reopened answer's sources are headed as they were live");
    assert.equal(await reopened.locator(".sources").innerText(), liveSources, "the reopened answer lists the sources the live answer listed");
    assert.deepEqual(await reopened.locator('.sources a[href^="/posts/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href"))), hrefs);
    assert.equal(await reopened.locator('.ask-answer sup a[href^="#"]').count(), liveMarkers, "the reopened answer's [n] markers link to their sources as they did live");
    // the same thread in a fresh page load with JavaScript off: the sources are in the server-rendered HTML
    const noJs = await ctx.browser().newContext({ javaScriptEnabled: false, storageState: await ctx.storageState() });
    const plain = await noJs.newPage();
    await plain.goto(page.url());
    assert.equal(await plain.locator("section.ask .ask-turn").first().locator(".sources").innerText(), liveSources);
    await noJs.close();
    await thread.getByLabel("Ask a follow-up").fill("What does the collect method do at the end of a stream pipeline?");
    await thread.getByRole("button", { name: "Ask follow-up" }).click();
    await thread.getByRole("status").filter({ hasText: /Answer complete|do not cover/ }).waitFor({ timeout: 30_000 });
    const turn = thread.locator(".ask-turn").nth(1);
    assert.equal(await thread.locator(".ask-turn").count(), 2);
    assert.match(await turn.locator(".ask-answer").textContent(), /collect method gathers the remaining elements/, "the answer quotes the post");
    // the quote's marker jumps to its listed source, a link to the quoted post (an earlier run's twin
    // post may be the one quoted when the database is reused)
    const marker = turn.locator('.ask-answer sup a[href^="#"]').first();
    const target = (await marker.getAttribute("href")).slice(1);
    assert.match(await turn.locator(`[id="${target}"] a`).getAttribute("href"), /^\/posts\/lazy-pipelines-/, "the marker points at the quoted post");
    await noSeriousA11yViolations(page, "ask");
    await shoot(page, "ask");
    // someone else's (or no) thread: the service's problem detail is shown
    const foreign = "00000000-0000-4000-8000-000000000000";
    await page.goto(`${BASE}/ask?thread=${foreign}`);
    assert.match(await page.locator("p.error[role=alert]").textContent(), new RegExp(foreign));
  });

  test("ask AI: a question the posts do not cover is answered as uncertain, and an anonymous reader gets no thread", async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(`${BASE}/ask`);
    const panel = page.locator("section.ask");
    await panel.getByLabel("Your question").fill("Who won the football world cup in 1998?");
    await panel.getByRole("button", { name: "Ask", exact: true }).click();
    await panel.getByRole("status").filter({ hasText: /do not cover|Answer complete/ }).waitFor({ timeout: 30_000 });
    assert.equal(await panel.locator(".uncertain").count(), 1, "the abstain case is shown as such");
    assert.match(await panel.locator(".uncertain").textContent(), /Not covered by the posts/);
    assert.equal(new URL(page.url()).search, "", "no thread address for an anonymous reader");
    assert.equal(await page.locator("aside").getByRole("link", { name: "Sign in" }).count(), 1);
  });

  test("hybrid search finds part1 for a paraphrased query, and the keyword-only toggle works with JavaScript off", async (ctx, browser) => {
    await indexed(part1);
    const page = await ctx.newPage();
    const paraphrase = "lazy stream pipelines that gather their results";
    await until("hybrid results", async () => {
      await page.goto(`${BASE}/search?q=${encodeURIComponent(paraphrase)}`);
      return (await page.locator(`.cards a[href^="/posts/${part1.slug}"]`).count()) > 0;
    }, 30_000);
    assert.match(await page.getByRole("status").textContent(), /by meaning and keywords/);
    assert.equal(await page.getByRole("link", { name: "By meaning and keywords" }).getAttribute("aria-current"), "page");
    assert.ok((await page.locator(".cards mark").count()) > 0, "the query's words are highlighted in the passages");
    await noSeriousA11yViolations(page, "search (hybrid)");
    await shoot(page, "search-hybrid");

    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${BASE}/search?q=collectors`);
    await p.getByRole("link", { name: "Keywords only" }).click();
    await p.waitForURL(/mode=keyword/);
    assert.match(await p.getByRole("status").textContent(), /keywords only/);
    assert.equal(await p.getByRole("link", { name: "Keywords only" }).getAttribute("aria-current"), "page");
    assert.match((await p.locator(".cards mark").first().textContent()).toLowerCase(), /collector/);
    await shoot(p, "search-keyword");
    // the mode survives a new search from the form
    await p.getByLabel("Search posts").fill("streams");
    await p.getByRole("button", { name: "Search" }).click();
    await p.waitForURL(/q=streams/);
    assert.match(p.url(), /mode=keyword/);
    await noJs.close();
  });

  test("pricing lists the free and both premium plans with prices; subscribing without Stripe shows the service's problem", async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(`${BASE}/pricing`);
    const plans = page.getByRole("list", { name: "Plans" });
    const monthly = plans.locator("li", { hasText: "Premium monthly" });
    const yearly = plans.locator("li", { hasText: "Premium yearly" });
    assert.match(await monthly.textContent(), /\$9\.00\s*per month/);
    assert.match(await yearly.textContent(), /\$90\.00\s*per year/);
    assert.match(await yearly.textContent(), /\$7\.50 a month/);
    await noSeriousA11yViolations(page, "pricing");
    await shoot(page, "pricing");
    // anonymous: off to sign in, and back
    await monthly.getByRole("button", { name: /Subscribe/ }).click();
    await page.waitForURL(/\/signin\?next=%2Fpricing|\/signin\?next=\/pricing/);
    const reader = await registerVerified("buyer");
    await page.getByLabel("Email").fill(reader.email);
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/pricing$/);
    const stripe = (await json(`${BILLING}/api/v1/billing/plans`)).body.providers.stripe;
    if (!stripe) {
      await page.getByRole("list", { name: "Plans" }).locator("li", { hasText: "Premium yearly" }).getByRole("button", { name: /Subscribe/ }).click();
      await page.getByText("The stripe provider is not configured on this site.").waitFor();
    }
  });

  test("after an admin grants premium, /account/billing shows it, the session is refreshed, and the premium post shows its body", async (ctx) => {
    const reader = await registerVerified("patron");
    const userId = claims(await apiToken(reader.email)).sub;
    const page = await ctx.newPage();
    await signIn(page, reader.email);
    await page.goto(`${BASE}/account/billing`);
    await page.getByRole("heading", { name: "Your plan: Free" }).waitFor();
    const expiresAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
    const granted = await json(`${BILLING}/api/v1/billing/admin/grants`, { method: "POST", headers: auth, body: JSON.stringify({ userId, expiresAt, note: `e2e ${run}` }) });
    assert.equal(granted.status, 201);
    // billing -> identity (event): the next token carries the tier
    await until("identity to apply the premium tier", async () => claims(await apiToken(reader.email)).tier === "premium", 30_000);
    await page.reload();
    await page.getByRole("heading", { name: "Your plan: Premium" }).waitFor();
    assert.match(await page.locator("dl.facts").textContent(), /Granted by the site team/);
    assert.match(await page.locator("dl.facts").textContent(), /Active/);
    await page.getByRole("button", { name: "Refresh my access" }).click();
    await page.waitForURL(/refreshed=1/);
    assert.equal(await page.getByRole("button", { name: "Refresh my access" }).count(), 0, "the session now carries premium");
    await noSeriousA11yViolations(page, "account billing");
    await shoot(page, "account-billing");
    await page.goto(`${BASE}/posts/${premium.slug}`);
    assert.match(await page.locator("article .body").textContent(), new RegExp(`SECRET-BODY-${run}`));
    assert.equal(await page.getByText("This post is for premium members").count(), 0);
  });

  // Only when billing talks to a Stripe stand-in this spec can play: STRIPE_API_BASE=http://127.0.0.1:PORT,
  // STRIPE_API_KEY=sk_test_..., STRIPE_WEBHOOK_SECRET, STRIPE_PRICE_MONTHLY/YEARLY set for ./lectern up and here.
  const standInPort = /^http:\/\/127\.0\.0\.1:(\d+)\/?$/.exec(process.env.STRIPE_API_BASE ?? "")?.[1];
  if (standInPort && process.env.STRIPE_WEBHOOK_SECRET && process.env.STRIPE_PRICE_MONTHLY) {
    test("a reader buys premium through Stripe checkout (stand-in), sees it with its invoice, cancels at period end, resumes and opens the portal", async (ctx) => {
      const server = await stripeStandIn({ port: Number(standInPort), secret: process.env.STRIPE_WEBHOOK_SECRET, webhookUrl: `${BILLING}/api/v1/billing/webhook` });
      try {
        const reader = await registerVerified("subscriber");
        const page = await ctx.newPage();
        await signIn(page, reader.email);
        await page.goto(`${BASE}/pricing`);
        await page.getByRole("list", { name: "Plans" }).locator("li", { hasText: "Premium monthly" }).getByRole("button", { name: /Subscribe/ }).click();
        await page.waitForURL(/\/c\/pay\/cs_/);
        await page.getByRole("button", { name: "Pay" }).click();
        await page.waitForURL(/\/account\/billing\?checkout=success/);
        await page.getByRole("heading", { name: "Your plan: Premium" }).waitFor();
        const facts = page.locator("dl.facts");
        assert.match(await facts.textContent(), /Premium monthly/);
        assert.match(await facts.textContent(), /Card payment \(Stripe\)/);
        assert.match(await facts.textContent(), /Renews on/);
        const invoice = page.locator("table tbody tr").first();
        assert.match(await invoice.textContent(), /\$9\.00/);
        assert.match(await invoice.textContent(), /Paid/);
        page.once("dialog", (d) => d.accept());
        await page.getByRole("button", { name: "Cancel at period end" }).click();
        await page.getByRole("button", { name: "Keep my subscription" }).waitFor();
        assert.match(await facts.textContent(), /Ends on/);
        await page.getByRole("button", { name: "Keep my subscription" }).click();
        await page.getByRole("button", { name: "Cancel at period end" }).waitFor();
        assert.match(await facts.textContent(), /Renews on/);
        await page.getByRole("button", { name: "Manage payment in Stripe" }).click();
        await page.waitForURL(/\/portal\/cus_/);
      } finally {
        server.close();
      }
    });
  }
}
