import { test } from "node:test";
import assert from "node:assert/strict";
import { REPORT_NOTE_MAX, REPORT_REASONS, isReportReason, reasonLabel, reportBody, reportedTimes } from "../src/lib/reports.ts";

test("the report dialog offers content's four reasons, each once, with a label", () => {
  assert.deepEqual(REPORT_REASONS.map((r) => r.value), ["SPAM", "HARASSMENT", "OFF_TOPIC", "OTHER"]);
  assert.equal(new Set(REPORT_REASONS.map((r) => r.label)).size, REPORT_REASONS.length);
  assert.equal(REPORT_NOTE_MAX, 500);
});

test("a report body needs a known reason and leaves a blank note out", () => {
  assert.deepEqual(reportBody("SPAM", ""), { reason: "SPAM" });
  assert.deepEqual(reportBody("OTHER", "   \n "), { reason: "OTHER" });
  assert.deepEqual(reportBody("HARASSMENT", "  insults me \n"), { reason: "HARASSMENT", note: "insults me" });
  for (const bad of ["", "spam", "RUDE", undefined, null, 3]) assert.equal(reportBody(bad, "note"), null, String(bad));
  assert.equal(isReportReason("OFF_TOPIC"), true);
  assert.equal(isReportReason("off-topic"), false);
});

test("moderators read reasons as words and report counts as once or n times", () => {
  assert.equal(reasonLabel("OFF_TOPIC"), "Off-topic");
  assert.equal(reasonLabel("SPAM"), "Spam or advertising");
  assert.equal(reasonLabel("SOMETHING_NEW"), "SOMETHING_NEW", "a reason the web app does not know yet is still shown");
  assert.equal(reasonLabel(undefined), "Unknown reason");
  assert.equal(reportedTimes(1), "Reported once");
  assert.equal(reportedTimes(4), "Reported 4 times");
});
