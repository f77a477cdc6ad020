import { test } from "node:test";
import assert from "node:assert/strict";
import { setCookieValue, stateOf } from "../src/lib/google.ts";

test("the state is read from Google's consent URL identity answers with", () => {
  assert.equal(stateOf("https://accounts.google.com/o/oauth2/v2/auth?response_type=code&state=abc_DEF-1&nonce=n"), "abc_DEF-1");
  assert.equal(stateOf("https://accounts.google.com/o/oauth2/v2/auth?response_type=code"), undefined);
  assert.equal(stateOf("not a url"), undefined);
});

test("identity's refresh cookie is picked out of several Set-Cookie headers", () => {
  const headers = ["other=1; Path=/", "lectern_refresh=tok.en_1; Path=/api/v1/auth; HttpOnly; SameSite=Strict", "lectern_refresh_x=nope"];
  assert.equal(setCookieValue(headers, "lectern_refresh"), "tok.en_1");
  assert.equal(setCookieValue(["lectern_refresh_x=nope"], "lectern_refresh"), undefined);
  assert.equal(setCookieValue([], "lectern_refresh"), undefined);
});
