import { test } from "node:test";
import assert from "node:assert/strict";
import { boardOf, leaderboardsPath, optOutChoice } from "../src/lib/leaderboards.ts";

test("the opt-out form's choice is true or false, anything else is no choice", () => {
  assert.equal(optOutChoice("true"), true);
  assert.equal(optOutChoice("false"), false);
  for (const v of [null, "", "yes", "TRUE", "1", undefined]) assert.equal(optOutChoice(v), null);
});

test("the form sends the reader back to the board they were on, never elsewhere, with the outcome", () => {
  assert.equal(boardOf("all-time"), "all-time");
  assert.equal(boardOf("https://evil.example/"), "week");
  assert.equal(leaderboardsPath("all-time", { notice: "You are hidden from the leaderboards." }), "/leaderboards?board=all-time&notice=You+are+hidden+from+the+leaderboards.");
  assert.equal(leaderboardsPath("//evil.example", { notice: "ok", error: "Learning answered 503." }), "/leaderboards?board=week&error=Learning+answered+503.");
  assert.equal(leaderboardsPath(null), "/leaderboards?board=week");
});
