import { test } from "node:test";
import assert from "node:assert/strict";
import { ownerOf } from "../src/lib/routing.ts";

test("the author tools' API paths reach content and notify through the browser forwarder", () => {
  assert.equal(ownerOf("/api/v1/admin/posts/preview"), "content");
  assert.equal(ownerOf("/api/v1/admin/posts/1/revisions/2"), "content");
  assert.equal(ownerOf("/api/v1/admin/series/1/posts"), "content");
  assert.equal(ownerOf("/api/v1/admin/tags/java/merge"), "content");
  assert.equal(ownerOf("/api/v1/admin/analytics/views"), "content");
  assert.equal(ownerOf("/api/v1/admin/import/markdown"), "content");
  assert.equal(ownerOf("/api/v1/admin/import/ghost"), "content");
  assert.equal(ownerOf("/api/v1/admin/export"), "content");
  assert.equal(ownerOf("/api/v1/newsletter/issues"), "notify");
  assert.equal(ownerOf("/api/v1/admin/exports"), null);
  assert.equal(ownerOf("/api/v1/admin/importer"), null);
});
