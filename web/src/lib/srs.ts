import type { LearningSchemas } from "@/api/client";

/** The soonest due time among cards that are not suspended (for the review page's empty state). */
export function nextDue(cards: LearningSchemas["CardResponse"][]): string | undefined {
  return cards.filter((c) => !c.suspended && c.due).map((c) => c.due as string).sort()[0];
}
