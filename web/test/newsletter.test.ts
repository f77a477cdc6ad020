import { test } from "node:test";
import assert from "node:assert/strict";
import { deliverySummary, issueStatusLabel, issuesPageHref } from "../src/lib/newsletter.ts";

test("an issue's status reads as Sent or Sending", () => {
  assert.equal(issueStatusLabel({ status: "sent" }), "Sent");
  assert.equal(issueStatusLabel({ status: "sending" }), "Sending");
});

test("the deliveries of an issue in words: delivered of recipients, then failures, skips and what is still to go", () => {
  assert.equal(deliverySummary({ recipients: 0, pending: 0, queued: 0, sent: 0, failed: 0, skipped: 0 }), "No confirmed subscribers");
  assert.equal(deliverySummary({ recipients: 3, pending: 0, queued: 0, sent: 3, failed: 0, skipped: 0 }), "3 of 3 delivered");
  assert.equal(deliverySummary({ recipients: 4, pending: 0, queued: 0, sent: 2, failed: 1, skipped: 1 }), "2 of 4 delivered, 1 failed, 1 skipped");
  assert.equal(deliverySummary({ recipients: 5, pending: 2, queued: 1, sent: 2, failed: 0, skipped: 0 }), "2 of 5 delivered, 3 still to go");
  assert.equal(deliverySummary({ recipients: 2 }), "0 of 2 delivered", "missing counts are zero");
});

test("the newest page of past issues has no cursor; later ones carry it encoded", () => {
  assert.equal(issuesPageHref(undefined), "/author/newsletter");
  assert.equal(issuesPageHref(""), "/author/newsletter");
  assert.equal(issuesPageHref("MTc2NDQ5|x+y/z="), "/author/newsletter?cursor=MTc2NDQ5%7Cx%2By%2Fz%3D");
});
