import type { components } from "../api/notify.d.ts";

// The list of past newsletter issues as the author screen shows it (tested in test/newsletter.test.ts).

type Issue = components["schemas"]["IssueSummary"];

/** "Sent" once every delivery has ended, "Sending" while any waits or is in the mail queue. */
export function issueStatusLabel(issue: Pick<Issue, "status">): string {
  return issue.status === "sent" ? "Sent" : issue.status === "sending" ? "Sending" : (issue.status ?? "");
}

/**
 * What became of an issue's deliveries in words: "2 of 3 delivered, 1 failed", "No confirmed
 * subscribers", with what is still to go and who was skipped (unsubscribed before their turn).
 */
export function deliverySummary(issue: Pick<Issue, "recipients" | "pending" | "queued" | "sent" | "failed" | "skipped">): string {
  const recipients = issue.recipients ?? 0;
  if (recipients === 0) return "No confirmed subscribers";
  const parts = [`${issue.sent ?? 0} of ${recipients} delivered`];
  if (issue.failed) parts.push(`${issue.failed} failed`);
  if (issue.skipped) parts.push(`${issue.skipped} skipped`);
  const toGo = (issue.pending ?? 0) + (issue.queued ?? 0);
  if (toGo) parts.push(`${toGo} still to go`);
  return parts.join(", ");
}

/** The address of a page of the list: the newest page has no cursor. */
export function issuesPageHref(cursor: string | null | undefined): string {
  return cursor ? `/author/newsletter?cursor=${encodeURIComponent(cursor)}` : "/author/newsletter";
}
