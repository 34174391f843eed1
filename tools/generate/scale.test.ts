import { FULL_ARCHIVE, planArchive } from './scale';
import { TaskCatalogue } from './tasks';

describe('planArchive', () => {
  it('gives the real counts at full size and floors for tiny archives', () => {
    expect(planArchive(FULL_ARCHIVE.papers)).toMatchObject({
      evaluationRoots: 2_254,
      methods: 8_725,
      datasets: 15_008,
      scale: 1,
    });
    const tiny = planArchive(200);
    expect(tiny.evaluationRoots).toBeGreaterThanOrEqual(12);
    expect(tiny.methods).toBeGreaterThanOrEqual(40);
    expect(tiny.datasets).toBeGreaterThanOrEqual(40);
    expect(tiny.leaderboards).toBeGreaterThanOrEqual(14);
  });
});

describe('TaskCatalogue', () => {
  it.each([200, 20_000, FULL_ARCHIVE.papers])('builds a task tree for %i papers', (papers) => {
    const plan = planArchive(papers);
    const catalogue = TaskCatalogue.build(plan, 1);
    const { tasks } = catalogue;
    expect(tasks).toHaveLength(plan.tasks);
    expect(new Set(tasks.map((task) => task.name)).size).toBe(tasks.length);
    expect(new Set(tasks.map((task) => task.id)).size).toBe(tasks.length);
    expect(catalogue.roots).toHaveLength(plan.evaluationRoots);
    const inTree = tasks.filter((task) => task.inEvaluation);
    expect(inTree).toHaveLength(plan.evaluationRoots + plan.evaluationSubtasks);
    // Every subtask reaches a root without a cycle; tasks outside the tree are the datasets' to define.
    for (const task of inTree) {
      let node = task;
      for (let depth = 0; node.parent >= 0; depth += 1) {
        expect(depth).toBeLessThan(tasks.length);
        node = tasks[node.parent];
      }
      expect(catalogue.roots).toContain(tasks.indexOf(node));
    }
    expect(catalogue.datasetOnly).toHaveLength(tasks.length - inTree.length);
  });
});
