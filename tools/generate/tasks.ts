import { TaskIds } from '../../src/archive/task-ids';
import type { ArchivePlan } from './scale';
import { randomFor, type Random, ZipfSampler } from './random';
import { type Area, BASE_TASKS, COLLIDING_TASKS, HUB_TASKS, JUNK_TASK, TASK_MODIFIERS } from './task-names';

export interface Task {
  name: string;
  /** The id Papers With Code gave it: its slug, `-1` when another name took the slug first. */
  id: string;
  area: Area;
  /** The task this one specialises ("Few-Shot Image Classification" → "Image Classification"), or -1. */
  base: number;
  inEvaluation: boolean;
  /** The parent in the evaluation tree, or -1 for roots and tasks outside the tree. */
  parent: number;
}

/** Tasks that always have a node (and the showcase leaderboards) in the evaluation tables. */
export const SHOWCASE_TASKS = ['Image Classification', 'Language Modelling', 'Question Answering', 'Image Generation'];
const JUNK_RANK = 45;
const TASK_STREAM = 0x7a5c;

/**
 * Every task name of the archive, most used first. Papers draw from it; the evaluation tables hold a
 * tree of some of them; the datasets' `tasks` list the rest, so every name a paper uses is defined.
 */
export class TaskCatalogue {
  readonly roots: number[] = [];
  readonly children: number[][];
  readonly datasetOnly: number[] = [];
  readonly byName = new Map<string, number>();
  private readonly sampler: ZipfSampler;

  private constructor(readonly tasks: Task[]) {
    this.children = tasks.map(() => []);
    tasks.forEach((task, index) => this.byName.set(task.name, index));
    this.sampler = new ZipfSampler(tasks.length, 3, 1);
  }

  static build(plan: ArchivePlan, seed: number): TaskCatalogue {
    const random = randomFor(seed, TASK_STREAM);
    const catalogue = new TaskCatalogue(taskNames(plan.tasks, random));
    catalogue.placeInEvaluation(plan, random);
    return catalogue;
  }

  /** A task index for one paper–task pair, by popularity. */
  sample(random: Random): number {
    return this.sampler.sample(random);
  }

  index(name: string): number {
    const index = this.byName.get(name);
    if (index === undefined) throw new Error(`no task named ${name}`);
    return index;
  }

  private placeInEvaluation(plan: ArchivePlan, random: Random): void {
    const { tasks } = this;
    const forced = new Set([...SHOWCASE_TASKS, COLLIDING_TASKS[0][0], JUNK_TASK].map((name) => this.index(name)));
    const wanted = plan.evaluationRoots + plan.evaluationSubtasks;
    const others = tasks
      .map((_, index) => ({ index, key: index * (0.3 + random.next()) }))
      .filter(({ index }) => !forced.has(index))
      .sort((a, b) => a.key - b.key)
      .slice(0, Math.max(0, wanted - forced.size))
      .map(({ index }) => index);
    for (const index of [...forced, ...others]) tasks[index].inEvaluation = true;

    const hasEvaluatedBase = (index: number) => tasks[index].base >= 0 && tasks[tasks[index].base].inEvaluation;
    const specialised = random.shuffle(others.filter(hasEvaluatedBase));
    const rest = random.shuffle(others.filter((index) => !hasEvaluatedBase(index)));
    const subtasks = [...specialised, ...rest].slice(0, Math.min(plan.evaluationSubtasks, others.length));
    const isSubtask = new Set(subtasks);
    const roots = tasks.map((_, index) => index).filter((index) => tasks[index].inEvaluation && !isSubtask.has(index));
    const siblings = new Map<number, number[]>();
    const isAncestor = (candidate: number, of: number) => {
      for (let node = candidate; node >= 0; node = tasks[node].parent) if (node === of) return true;
      return false;
    };
    for (const index of subtasks) {
      let parent = hasEvaluatedBase(index) ? tasks[index].base : random.pick(roots);
      const earlier = siblings.get(parent) ?? [];
      siblings.set(parent, [...earlier, index]);
      // Some subtasks hang under an earlier sibling: trees deeper than two levels.
      if (earlier.length > 0 && random.chance(0.2)) parent = random.pick(earlier);
      if (isAncestor(parent, index)) parent = random.pick(roots);
      tasks[index].parent = parent;
      this.children[parent].push(index);
    }
    for (const list of this.children) list.sort((a, b) => a - b);
    this.roots.push(...roots);
    this.datasetOnly.push(...tasks.map((_, index) => index).filter((index) => !tasks[index].inEvaluation));
  }
}

/** `count` distinct task names in popularity order, with the colliding pairs and the junk task early. */
function taskNames(count: number, random: Random): Task[] {
  const entries: { name: string; area: Area; baseName: string | null }[] = [];
  const taken = new Set<string>();
  const add = (name: string, area: Area, baseName: string | null) => {
    if (taken.has(name) || entries.length >= count) return;
    taken.add(name);
    entries.push({ name, area, baseName });
  };
  for (const [name, area] of HUB_TASKS) add(name, area, null);
  for (const [first, second, area] of COLLIDING_TASKS) {
    add(first, area, null);
    add(second, area, null);
  }
  const bases = random.shuffle(BASE_TASKS.map(([name, area]) => ({ name, area })));
  const allBases = [...HUB_TASKS.map(([name, area]) => ({ name, area })), ...bases];
  const composed = function* () {
    const pairs = random.shuffle(allBases.flatMap((base) => TASK_MODIFIERS.map((modifier) => ({ base, modifier }))));
    for (const { base, modifier } of pairs)
      yield { name: `${modifier} ${base.name}`, area: base.area, baseName: base.name };
    // Only archives far above full size get here: two modifiers.
    for (;;) {
      const base = random.pick(allBases);
      const [outer, inner] = [random.pick(TASK_MODIFIERS), random.pick(TASK_MODIFIERS)];
      if (outer !== inner)
        yield { name: `${outer} ${inner} ${base.name}`, area: base.area, baseName: `${inner} ${base.name}` };
    }
  };
  const specialisations = composed();
  let nextBase = 0;
  while (entries.length < count) {
    if (entries.length === JUNK_RANK) add(JUNK_TASK, 'Miscellaneous', null);
    else if (nextBase < bases.length && random.chance(0.3)) {
      const { name, area } = bases[nextBase++];
      add(name, area, null);
    } else {
      const { name, area, baseName } = specialisations.next().value;
      add(name, area, baseName);
    }
  }
  const ids = new TaskIds([]);
  const indexOf = new Map(entries.map((entry, index) => [entry.name, index]));
  return entries.map(({ name, area, baseName }) => ({
    name,
    id: ids.idFor(name),
    area,
    base: baseName === null ? -1 : (indexOf.get(baseName) ?? -1),
    inEvaluation: false,
    parent: -1,
  }));
}
