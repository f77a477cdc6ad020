import { test } from "node:test";
import assert from "node:assert/strict";
import { depthPercent, worthReporting } from "../src/lib/reading.ts";
import { fromNow, percent } from "../src/lib/when.ts";

test("depth is the share of the body above the viewport's bottom edge, clamped to 0..100", () => {
  assert.equal(depthPercent(0, 800, 1000, 2000), 0);
  assert.equal(depthPercent(1200, 800, 1000, 2000), 50);
  assert.equal(depthPercent(5000, 800, 1000, 2000), 100);
  assert.equal(depthPercent(0, 800, 0, 0), 100);
});

test("progress is reported on a real change only", () => {
  assert.equal(worthReporting({ depth: 10, seconds: 10 }, { depth: 12, seconds: 20 }), false);
  assert.equal(worthReporting({ depth: 10, seconds: 10 }, { depth: 15, seconds: 10 }), true);
  assert.equal(worthReporting({ depth: 98, seconds: 10 }, { depth: 100, seconds: 10 }), true);
  assert.equal(worthReporting({ depth: 10, seconds: 10 }, { depth: 10, seconds: 25 }), true);
});

test("due times read as distances from now; scores as percentages", () => {
  const now = Date.parse("2026-11-30T10:00:00Z");
  assert.equal(fromNow("2026-11-30T10:00:30Z", now), "now");
  assert.equal(fromNow("2026-11-30T10:10:00Z", now), "in 10 min");
  assert.equal(fromNow("2026-12-03T10:00:00Z", now), "in 3 days");
  assert.equal(percent(0.666), "67%");
  assert.equal(percent(undefined), "–");
});
