import type { components } from "../api/content.d.ts";

// Comment reports: the fixed reasons content accepts (ReportRequest) as readers pick them and
// moderators read them (tested in test/reports.test.ts).

export type ReportReason = components["schemas"]["ReportRequest"]["reason"];

/** Content's reasons, in the order the report dialog offers them. */
export const REPORT_REASONS: readonly { value: ReportReason; label: string }[] = [
  { value: "SPAM", label: "Spam or advertising" },
  { value: "HARASSMENT", label: "Harassment or abuse" },
  { value: "OFF_TOPIC", label: "Off-topic" },
  { value: "OTHER", label: "Something else" },
];

/** At most this many characters of note (content's ReportRequest.note). */
export const REPORT_NOTE_MAX = 500;

export function isReportReason(value: unknown): value is ReportReason {
  return REPORT_REASONS.some((r) => r.value === value);
}

export function reasonLabel(value: string | undefined): string {
  return REPORT_REASONS.find((r) => r.value === value)?.label ?? value ?? "Unknown reason";
}

/** The body of a report: a blank note is left out; null when no known reason is picked. */
export function reportBody(reason: unknown, note: string): { reason: ReportReason; note?: string } | null {
  if (!isReportReason(reason)) return null;
  const trimmed = note.trim();
  return trimmed ? { reason, note: trimmed } : { reason };
}

/** "Reported once" / "Reported 3 times". */
export function reportedTimes(n: number): string {
  return n === 1 ? "Reported once" : `Reported ${n} times`;
}
