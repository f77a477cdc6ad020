// How far through a post a reader is, and when to tell learning-service (pure, unit-tested).

/** Percent (0..100) of the body whose bottom edge the viewport has reached. */
export function depthPercent(scrollY: number, viewportHeight: number, bodyTop: number, bodyHeight: number): number {
  if (bodyHeight <= 0) return 100;
  const seen = scrollY + viewportHeight - bodyTop;
  return Math.max(0, Math.min(100, Math.round((seen / bodyHeight) * 1000) / 10));
}

export interface Reported { depth: number; seconds: number }

/** Report when depth grew by 5 points or more, reached the bottom, or 15 more seconds were spent. */
export function worthReporting(last: Reported, now: Reported): boolean {
  if (now.depth >= last.depth + 5) return true;
  if (now.depth >= 100 && last.depth < 100) return true;
  return now.seconds >= last.seconds + 15;
}
