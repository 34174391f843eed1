// The benchmark's chart: median latency by query, one bar per server (grouped), as a standalone
// SVG that GitHub shows in bench/README.md. Bars share one linear scale; each carries its value.

export interface ChartSeries {
  name: string;
  colour: string;
  /** Milliseconds by query (absent: the server did not answer that query). */
  values: Record<string, number | undefined>;
}

const BAR = 14;
const GAP = 10;
const LABEL_WIDTH = 150;
const PLOT_WIDTH = 520;
const VALUE_WIDTH = 70;
const TOP = 56;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A grouped horizontal bar chart of `series` over `queries`. */
export function latencyChart(title: string, queries: string[], series: ChartSeries[]): string {
  const max = Math.max(1, ...series.flatMap((entry) => Object.values(entry.values).filter((v) => v !== undefined)));
  const groupHeight = series.length * BAR + GAP;
  const height = TOP + queries.length * groupHeight + 20;
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const scale = (value: number) => (value / max) * PLOT_WIDTH;
  const legend = series
    .map(
      (entry, index) =>
        `<rect x="${LABEL_WIDTH + index * 210}" y="30" width="12" height="12" fill="${entry.colour}"/>` +
        `<text x="${LABEL_WIDTH + index * 210 + 18}" y="41">${escapeXml(entry.name)}</text>`,
    )
    .join('');
  const groups = queries
    .map((query, row) => {
      const top = TOP + row * groupHeight;
      const bars = series
        .map((entry, index) => {
          const value = entry.values[query];
          const y = top + index * BAR;
          if (value === undefined) {
            return `<text x="${LABEL_WIDTH + 4}" y="${y + BAR - 3}" fill="#888">n/a</text>`;
          }
          const length = Math.max(1, scale(value));
          return (
            `<rect x="${LABEL_WIDTH}" y="${y}" width="${length.toFixed(1)}" height="${BAR - 2}" fill="${entry.colour}"/>` +
            `<text x="${(LABEL_WIDTH + length + 4).toFixed(1)}" y="${y + BAR - 3}">${value} ms</text>`
          );
        })
        .join('');
      return `<text x="${LABEL_WIDTH - 8}" y="${top + (series.length * BAR) / 2 + 4}" text-anchor="end">${escapeXml(query)}</text>${bars}`;
    })
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${LABEL_WIDTH}" y="18" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    legend,
    groups,
    `</svg>`,
    '',
  ].join('\n');
}
