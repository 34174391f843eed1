/** Counts in the final Papers With Code dump (28/29 July 2025), which a generated archive scales. */
export const FULL_ARCHIVE = {
  papers: 576_261,
  links: 300_161,
  evaluationRoots: 2_254,
  metricValues: 326_393,
  methods: 8_725,
  datasets: 15_008,
} as const;

// Not stated by the dump's documentation: the number of task names papers use (the site listed
// about 4,800 tasks), the share of evaluation tasks that are subtasks, and the mean number of
// metric values per leaderboard (rows × metrics as generated here: measured).
const TASKS_AT_FULL_SIZE = 4_800;
const SUBTASKS_PER_ROOT = 0.45;
export const MEAN_METRIC_VALUES_PER_LEADERBOARD = 24;

// A Zipf–Mandelbrot draw over 1.29 × papers names with offset 200 reaches ~596 k distinct names
// from ~4.9 M authorships at full size (measured), with the busiest names on thousands of papers.
const AUTHOR_SPACE_PER_PAPER = 1.29;
const AUTHOR_HEAD_AT_FULL_SIZE = 200;

export interface ArchivePlan {
  papers: number;
  /** papers / 576,261 */
  scale: number;
  authorSpace: number;
  authorHead: number;
  tasks: number;
  evaluationRoots: number;
  evaluationSubtasks: number;
  leaderboards: number;
  methods: number;
  datasets: number;
}

/** Every count of a generated archive of `papers` papers: the real ones scaled, with floors for tiny archives. */
export function planArchive(papers: number): ArchivePlan {
  const scale = papers / FULL_ARCHIVE.papers;
  const scaled = (full: number, minimum: number) => Math.max(minimum, Math.round(full * scale));
  const evaluationRoots = scaled(FULL_ARCHIVE.evaluationRoots, 12);
  return {
    papers,
    scale,
    authorSpace: scaled(FULL_ARCHIVE.papers * AUTHOR_SPACE_PER_PAPER, 60),
    authorHead: Math.max(20, AUTHOR_HEAD_AT_FULL_SIZE * scale),
    tasks: scaled(TASKS_AT_FULL_SIZE, 60),
    evaluationRoots,
    evaluationSubtasks: Math.max(6, Math.round(evaluationRoots * SUBTASKS_PER_ROOT)),
    leaderboards: scaled(FULL_ARCHIVE.metricValues / MEAN_METRIC_VALUES_PER_LEADERBOARD, 14),
    methods: scaled(FULL_ARCHIVE.methods, 40),
    datasets: scaled(FULL_ARCHIVE.datasets, 40),
  };
}
