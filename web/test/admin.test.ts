import { test } from "node:test";
import assert from "node:assert/strict";
import { backTo, commentView, intParam, isService, pageWindow, publicPath, redirectKind, rolesFrom, utcInstant } from "../src/lib/admin.ts";

test("an admin form returns only to an /admin page, with one flash replacing the last", () => {
  assert.equal(backTo("/admin/comments?view=reported", { notice: "Done." }), "/admin/comments?view=reported&notice=Done.");
  assert.equal(backTo("/admin/users?q=a&error=old", { notice: "ok" }), "/admin/users?q=a&notice=ok");
  assert.equal(backTo("/admin/users?notice=old", { error: "bad" }), "/admin/users?error=bad");
  assert.equal(backTo("/admin", {}), "/admin");
  for (const evil of ["https://evil.example/admin", "//evil.example/admin", "/administrator", "/posts/x", "/admin/..//evil", "/admin\\x", undefined, 42]) {
    assert.equal(backTo(evil, {}), "/admin", String(evil));
  }
});

test("roles from a form: known ones, once each, lowest first", () => {
  assert.deepEqual(rolesFrom(["admin", "reader", "admin", "root", 7]), ["reader", "admin"]);
  assert.deepEqual(rolesFrom([]), []);
});

test("a datetime-local value is read as UTC", () => {
  assert.equal(utcInstant("2026-11-30T04:05"), "2026-11-30T04:05:00.000Z");
  assert.equal(utcInstant("2026-11-30T04:05:09"), "2026-11-30T04:05:09.000Z");
  assert.equal(utcInstant("2026-13-30T04:05"), null);
  assert.equal(utcInstant("yesterday"), null);
  assert.equal(utcInstant(undefined), null);
});

test("paging windows and query numbers", () => {
  assert.deepEqual(pageWindow(0, 20, 0), { from: 0, to: 0, prev: null, next: null });
  assert.deepEqual(pageWindow(0, 20, 45), { from: 1, to: 20, prev: null, next: 1 });
  assert.deepEqual(pageWindow(2, 20, 45), { from: 41, to: 45, prev: 1, next: null });
  assert.equal(intParam("3", 0, 0, 10), 3);
  assert.equal(intParam("-3", 0, 0, 10), 0);
  assert.equal(intParam("99", 0, 0, 10), 10);
  assert.equal(intParam(undefined, 5, 0, 10), 5);
});

test("services, moderation views and redirect kinds come from fixed lists", () => {
  assert.equal(isService("notify"), true);
  assert.equal(isService("gateway"), false);
  assert.equal(isService("toString"), false);
  assert.equal(commentView("reported"), "reported");
  assert.equal(commentView("constructor"), "pending");
  assert.equal(commentView(undefined), "pending");
  assert.equal(redirectKind("SERIES"), "SERIES");
  assert.equal(redirectKind("post"), undefined);
  assert.equal(publicPath("POST", "a-b"), "/posts/a-b");
  assert.equal(publicPath("TAG", "java"), "/tags/java");
});

test("a problem reads as its detail (else title) and its field errors; anything else as the fallback", async () => {
  const { problemText } = await import("../src/lib/problem.ts");
  assert.equal(problemText({ title: "Conflict", detail: "'x' is a live post slug; it cannot redirect.", status: 409 }, "f"), "'x' is a live post slug; it cannot redirect.");
  assert.equal(problemText({ title: "Bad Request", errors: [{ field: "note", message: "must not be blank" }] }, "f"), "Bad Request note: must not be blank");
  assert.equal(problemText("", "f"), "f");
  assert.equal(problemText("<html>oops</html>", "f"), "f");
  assert.equal(problemText(undefined, "f"), "f");
  assert.equal(problemText(42, "f"), "f");
});
