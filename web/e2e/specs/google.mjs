// Google sign-in through the real gateway, web app and identity-service. When the platform's identity
// was started against a Google stand-in this spec can play (./lectern test-web does: GOOGLE_CLIENT_ID,
// GOOGLE_CLIENT_SECRET, GOOGLE_REDIRECT_URI and Google's three endpoints on one loopback port, see
// googleStandIn below), the whole browser flow runs: button, consent, callback, session, account rules.
// Without Google settings it checks the unconfigured behaviour instead.
import { createServer } from "node:http";
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

const b64url = (data) => Buffer.from(data).toString("base64url");

/**
 * Google's OpenID Connect endpoints as far as identity-service uses them, on the port of the
 * LECTERN_IDENTITY_GOOGLE_* URIs: the consent page (an account form with Allow and Cancel, which sends
 * the browser back to the registered redirect URI with a code and the state, or with
 * error=access_denied, as Google does), the token endpoint (checks the client, the single-use code, the
 * redirect URI and the PKCE verifier, then answers with an RS256 ID token carrying the attempt's nonce)
 * and the key set (the public half of `key`). Anything else is a 404, like an unknown Google path.
 * `forgeNext` makes the next ID token be signed by a key the set does not publish (same kid).
 */
function googleStandIn({ port, clientId, clientSecret, redirectUri, key, forger }) {
  const attempts = new Map(); // consent page id -> the authorization request
  const codes = new Map(); // code -> { request, account, issued }
  const seen = { token: 0 }; // code exchanges asked for
  const page = (res, status, html) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(`<!doctype html><html lang="en"><title>Google stand-in</title><main>${html}</main></html>`);
  };
  const send = (res, status, body) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  const back = (res, params) => {
    res.writeHead(302, { location: `${redirectUri}?${new URLSearchParams(params)}` });
    res.end();
  };
  const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  // Google's subject: a stable opaque number per account (here per address)
  const subOf = (email) => `1${BigInt(`0x${createHash("sha256").update(email).digest("hex").slice(0, 16)}`)}`;
  function idToken(request, account) {
    const now = Math.floor(Date.now() / 1000);
    const signer = server.forgeNext ? forger : key;
    server.forgeNext = false;
    const header = b64url(JSON.stringify({ alg: "RS256", kid: key.kid, typ: "JWT" }));
    const claims = b64url(JSON.stringify({
      iss: "https://accounts.google.com", azp: clientId, aud: clientId, sub: subOf(account.email), email: account.email,
      email_verified: true, name: account.name, nonce: request.nonce, iat: now, exp: now + 3600,
    }));
    return `${header}.${claims}.${sign("sha256", Buffer.from(`${header}.${claims}`), signer.privateKey).toString("base64url")}`;
  }

  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const c of req) raw += c;
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    const p = url.pathname;
    if (req.method === "GET" && p === "/o/oauth2/v2/auth") {
      const q = Object.fromEntries(url.searchParams);
      // Google shows an error page (it never redirects) for an unknown client or an unregistered redirect URI
      if (q.client_id !== clientId) return page(res, 401, "<h1>Error 401: invalid_client</h1>");
      if (q.redirect_uri !== redirectUri) return page(res, 400, "<h1>Error 400: redirect_uri_mismatch</h1>");
      const scopes = (q.scope ?? "").split(" ");
      if (q.response_type !== "code" || !scopes.includes("openid") || !scopes.includes("email") || q.code_challenge_method !== "S256"
          || !/^[A-Za-z0-9_-]{43}$/.test(q.code_challenge ?? "") || !q.state || !q.nonce) {
        return page(res, 400, "<h1>Error 400: invalid_request</h1>");
      }
      const id = randomBytes(16).toString("hex");
      attempts.set(id, q);
      return page(res, 200, `<h1>Sign in with Google (stand-in)</h1><p>to continue to Lectern (${escape(q.client_id)})</p>`
        + `<form method="post" action="/o/oauth2/v2/auth/consent"><input type="hidden" name="attempt" value="${id}">`
        + `<label>Email <input name="email" type="email" required></label> <label>Name <input name="name"></label> `
        + `<button name="decision" value="allow">Allow</button> <button name="decision" value="deny" formnovalidate>Cancel</button></form>`);
    }
    if (req.method === "POST" && p === "/o/oauth2/v2/auth/consent") {
      const form = new URLSearchParams(raw);
      const request = attempts.get(form.get("attempt"));
      if (!request) return page(res, 400, "<h1>Error 400: this consent page has expired</h1>");
      attempts.delete(form.get("attempt"));
      if (form.get("decision") !== "allow") return back(res, { error: "access_denied", state: request.state });
      const code = `4/0${randomBytes(24).toString("base64url")}`;
      codes.set(code, { request, account: { email: form.get("email"), name: form.get("name") || form.get("email") }, issued: Date.now() });
      return back(res, { state: request.state, code, scope: "email profile openid", authuser: "0", prompt: "consent" });
    }
    if (req.method === "POST" && p === "/token") {
      seen.token++;
      const form = new URLSearchParams(raw);
      if (form.get("client_id") !== clientId || form.get("client_secret") !== clientSecret) {
        return send(res, 401, { error: "invalid_client", error_description: "The OAuth client was not found." });
      }
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? ""); // a code is good for one exchange, right or wrong
      const challenge = createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url");
      if (form.get("grant_type") !== "authorization_code" || !grant || Date.now() - grant.issued > 60_000
          || form.get("redirect_uri") !== grant.request.redirect_uri || challenge !== grant.request.code_challenge) {
        return send(res, 400, { error: "invalid_grant", error_description: "Bad Request" });
      }
      return send(res, 200, {
        access_token: `ya29.${randomBytes(24).toString("base64url")}`, expires_in: 3599, token_type: "Bearer",
        scope: "openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile",
        id_token: idToken(grant.request, grant.account),
      });
    }
    if (req.method === "GET" && p === "/oauth2/v3/certs") {
      return send(res, 200, { keys: [{ ...key.publicKey.export({ format: "jwk" }), kid: key.kid, alg: "RS256", use: "sig" }] });
    }
    return send(res, 404, { error: "not_found", error_description: `stand-in has no ${req.method} ${p}` });
  });
  server.forgeNext = false;
  server.seen = seen;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Google's settings as ./lectern test-web gives them to identity, when all point at one loopback port. */
function standInSettings(BASE) {
  const env = process.env;
  const port = /^http:\/\/127\.0\.0\.1:(\d+)\/o\/oauth2\/v2\/auth$/.exec(env.LECTERN_IDENTITY_GOOGLE_AUTHORIZATIONURI ?? "")?.[1];
  if (!port || !env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET
      || env.LECTERN_IDENTITY_GOOGLE_TOKENURI !== `http://127.0.0.1:${port}/token`
      || env.LECTERN_IDENTITY_GOOGLE_JWKSETURI !== `http://127.0.0.1:${port}/oauth2/v3/certs`) return undefined;
  return { port: Number(port), clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET, redirectUri: env.GOOGLE_REDIRECT_URI ?? `${BASE}/auth/google/callback` };
}

export default function ({ test, assert, BASE, IDENTITY, PASSWORD, run, json, psql, registerVerified, shoot }) {
  test("a Google callback that this browser did not start is refused", async (ctx) => {
    const page = await ctx.newPage();
    await page.goto(`${BASE}/auth/google/callback?code=forged&state=forged`);
    await page.waitForURL((u) => u.pathname === "/signin");
    assert.match(await page.locator("body").textContent(), /not started in this browser/);
    const cookies = await ctx.cookies();
    assert.equal(cookies.some((c) => c.name === "lectern_at"), false, "no session was created");
  });

  const settings = standInSettings(BASE);
  if (!settings) {
    test("without Google credentials there is no Google button, and /auth/google explains why on the sign-in page", async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(`${BASE}/signin`);
      assert.equal(await page.getByRole("link", { name: "Sign in with Google" }).count(), 0);
      await page.goto(`${BASE}/auth/google`);
      await page.waitForURL((u) => u.pathname === "/signin");
      assert.match(await page.locator("body").textContent(), /Google sign-in is not configured/);
    });
    return;
  }

  // one key for the whole run (identity caches the key set); its kid is new each run, so identity
  // fetches the set again when the suite runs twice against one platform
  const key = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }), kid: `e2e-${run}` };
  const forger = generateKeyPairSync("rsa", { modulusLength: 2048 });
  async function withGoogle(fn) {
    const google = await googleStandIn({ ...settings, key, forger });
    try {
      await fn(google);
    } finally {
      google.close();
      google.closeAllConnections(); // the next test's stand-in must not get this one's keep-alive requests
    }
  }
  const isStandIn = (u) => u.port === String(settings.port);
  /** From the sign-in page through the stand-in's consent page; `decision` is the consent button. */
  async function googleSignIn(page, { email, name, decision = "Allow" }) {
    await page.goto(`${BASE}/signin`);
    await page.getByRole("link", { name: "Sign in with Google" }).click();
    await page.waitForURL(isStandIn);
    if (email) await page.getByLabel("Email").fill(email);
    if (name) await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: decision }).click();
    await page.waitForURL((u) => u.origin === BASE);
  }
  const me = (page) => page.evaluate(async () => {
    const r = await fetch("/bff/api/v1/users/me", { cache: "no-store" });
    return r.ok ? r.json() : { status: r.status };
  });
  async function signOut(page) {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((u) => u.searchParams.has("signedout"));
  }
  async function assertSignedInAs(page, name) {
    const landed = new URL(page.url()).pathname;
    if (landed !== "/") assert.fail(`the callback landed on ${landed}: ${(await page.locator("p.error").allTextContents()).join(" ")}`);
    await page.locator("header").getByRole("link", { name }).waitFor();
    const cookies = await page.context().cookies(BASE);
    for (const name of ["lectern_at", "lectern_rt"]) assert.equal(cookies.find((c) => c.name === name)?.httpOnly, true, `${name} is an httpOnly cookie`);
    assert.equal(cookies.some((c) => c.name === "lectern_google_state"), false, "the attempt's state cookie is gone");
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => /token|jwt|session/i.test(k))), []);
    assert.doesNotMatch(await page.evaluate(() => JSON.stringify({ ...localStorage })), /eyJ/, "no JWT in localStorage");
  }
  const accounts = (email) => JSON.parse(psql(`select coalesce(json_agg(json_build_object('id', id, 'googleSub', google_sub, 'password', password_hash is not null, 'verified', email_verified)), '[]') from identity.users where email_normalized = '${email}'`));

  test("a first-time Google user clicks the Google button, allows on Google's consent page (stand-in), is signed in with a new account; the next sign-in reuses it", async (ctx) => {
    await withGoogle(async (google) => {
      const email = `g-new-${run}@example.org`;
      const name = `Grace ${run}`;
      const page = await ctx.newPage();
      await googleSignIn(page, { email, name });
      await assertSignedInAs(page, name);
      const first = await me(page);
      assert.equal(first.email, email);
      assert.equal(first.emailVerified, true, "Google verified the address");
      assert.equal(google.seen.token, 1, "identity exchanged the code at the token endpoint");
      const [account] = accounts(email);
      assert.deepEqual(account, { id: first.id, googleSub: account.googleSub, password: false, verified: true });
      assert.match(account.googleSub, /^1\d+$/);

      await signOut(page);
      await googleSignIn(page, { email, name: "Another name at Google" });
      await assertSignedInAs(page, name);
      assert.equal((await me(page)).id, first.id, "the second sign-in is the same account");
      assert.equal(accounts(email).length, 1);
    });
  });

  test("Google sign-in with the address of a verified password account links it (ADR 0011): same account, its name, and its password still works", async (ctx) => {
    await withGoogle(async () => {
      const { email } = await registerVerified("g-linked");
      const before = accounts(email);
      const page = await ctx.newPage();
      await googleSignIn(page, { email, name: "Name at Google" });
      await assertSignedInAs(page, `g-linked ${run}`);
      assert.equal((await me(page)).id, before[0].id);
      const [after] = accounts(email);
      assert.ok(after.googleSub, "the Google identity is linked to the account");
      assert.equal(after.password, true, "the password is kept");
      const login = await json(`${IDENTITY}/api/v1/auth/login`, { method: "POST", body: JSON.stringify({ email, password: PASSWORD }) });
      assert.equal(login.status, 200, "the password still signs in");
    });
  });

  test("Google sign-in with the address of an unverified registration takes it over and drops the password chosen there (ADR 0011)", async (ctx) => {
    await withGoogle(async () => {
      const email = `g-prereg-${run}@example.org`;
      const squatted = "somebody else's password";
      await json(`${IDENTITY}/api/v1/auth/register`, { method: "POST", body: JSON.stringify({ email, password: squatted, displayName: `Squatter ${run}` }) });
      const [pending] = accounts(email);
      assert.equal(pending.verified, false);
      const page = await ctx.newPage();
      await googleSignIn(page, { email, name: `Owner ${run}` });
      const account = await me(page);
      assert.equal(account.id, pending.id);
      await assertSignedInAs(page, account.displayName);
      const [after] = accounts(email);
      assert.deepEqual([after.verified, after.password, Boolean(after.googleSub)], [true, false, true]);
      const login = await json(`${IDENTITY}/api/v1/auth/login`, { method: "POST", allowError: true, body: JSON.stringify({ email, password: squatted }) });
      assert.equal(login.status, 401, "the pre-registered password no longer signs in");
    });
  });

  test("cancelling on Google's consent page (error=access_denied) lands on the sign-in page with a clear message and no session", async (ctx) => {
    await withGoogle(async (google) => {
      const page = await ctx.newPage();
      await googleSignIn(page, { decision: "Cancel" });
      assert.equal(new URL(page.url()).pathname, "/signin");
      assert.equal(await page.locator("p.error").textContent(), "Google sign-in was cancelled or refused.");
      assert.equal(google.seen.token, 0, "no code was exchanged");
      const cookies = await ctx.cookies(BASE);
      assert.equal(cookies.some((c) => ["lectern_at", "lectern_rt", "lectern_google_state"].includes(c.name)), false);
      await shoot(page, "signin-google-cancelled");
    });
  });

  test("an ID token not signed with a key Google publishes is refused: no account, no session", async (ctx) => {
    await withGoogle(async (google) => {
      const email = `g-forged-${run}@example.org`;
      google.forgeNext = true;
      const page = await ctx.newPage();
      await googleSignIn(page, { email, name: "Mallory" });
      assert.equal(new URL(page.url()).pathname, "/signin");
      assert.match(await page.locator("p.error").textContent(), /sign-in attempt is invalid/);
      assert.equal(google.seen.token, 1, "the code was exchanged, then the token rejected");
      assert.deepEqual(accounts(email), []);
      assert.equal((await ctx.cookies(BASE)).some((c) => c.name === "lectern_at"), false);
    });
  });
}
