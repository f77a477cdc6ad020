import type { ContentSchemas } from "@/api/client";

type Day = ContentSchemas["DayViews"];

const W = 720;
const H = 220;
const LEFT = 44;
const BOTTOM = 28;
const TOP = 12;

/** The largest "nice" axis maximum (1, 2 or 5 × 10^k) at or above the peak, at least 1. */
export function niceMax(peak: number): number {
  if (peak <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(peak));
  for (const m of [1, 2, 5, 10]) if (m * p >= peak) return m * p;
  return 10 * p;
}

/**
 * Views per day as an SVG bar chart (no chart library): a labelled image for assistive technology,
 * each bar with its own tooltip title, and the same numbers in the table the page shows beside it.
 */
export function ViewsChart({ days, total, id = "views-chart" }: { days: Day[]; total: number; id?: string }) {
  const peak = Math.max(0, ...days.map((d) => d.views ?? 0));
  const max = niceMax(peak);
  const plotW = W - LEFT - 8;
  const plotH = H - TOP - BOTTOM;
  const slot = days.length ? plotW / days.length : plotW;
  const bar = Math.max(1, slot * 0.7);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].filter((t) => Number.isInteger(t));
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  const busiest = days.find((d) => (d.views ?? 0) === peak);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>Views per day</title>
        <desc id={`${id}-desc`}>{`${total} views over ${days.length} days${peak > 0 && busiest ? `; the busiest day was ${busiest.day} with ${peak}` : ""}. The table below lists every day.`}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid" x1={LEFT} x2={W - 8} y1={y(t)} y2={y(t)} />
            <text className="axis" x={LEFT - 6} y={y(t) + 4} textAnchor="end">{t}</text>
          </g>
        ))}
        {days.map((d, i) => {
          const v = d.views ?? 0;
          const x = LEFT + i * slot + (slot - bar) / 2;
          return (
            <g key={d.day}>
              <rect className="bar" data-day={d.day} data-views={v} x={x} y={y(v)} width={bar} height={Math.max(0, TOP + plotH - y(v))}>
                <title>{`${d.day}: ${v} view${v === 1 ? "" : "s"}`}</title>
              </rect>
              {(days.length - 1 - i) % labelEvery === 0 && (
                <text className="axis" x={LEFT + i * slot + slot / 2} y={H - 8} textAnchor="middle">{(d.day ?? "").slice(5)}</text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
