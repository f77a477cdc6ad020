// Pure helpers of the leaderboards page and its opt-out form (tested in test/leaderboards.test.ts).

export type BoardName = "week" | "all-time";

/** The board a query or form value names; this week's when it names none. */
export function boardOf(value: unknown): BoardName {
  return value === "all-time" ? "all-time" : "week";
}

/** The form's choice: "true" hides, "false" shows; anything else is no choice. */
export function optOutChoice(value: unknown): boolean | null {
  return value === "true" ? true : value === "false" ? false : null;
}

/** The leaderboards page of a board, with the outcome of a form (`error` wins over `notice`). */
export function leaderboardsPath(board: unknown, flash: { notice?: string; error?: string } = {}): string {
  const q = new URLSearchParams({ board: boardOf(board) });
  if (flash.error) q.set("error", flash.error);
  else if (flash.notice) q.set("notice", flash.notice);
  return `/leaderboards?${q}`;
}
