import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import { TaskRepository } from './task.repository';
import type { Task } from './task.type';

export function createTaskLoaders(db: GraphReader) {
  const tasks = new TaskRepository(db);
  return {
    taskById: batchLoader<Task | null>((ids) => tasks.byIds(ids), null),
    tasksByPaper: batchLoader<Task[]>((paperIds) => tasks.ofPapers(paperIds), []),
    parentOfTask: batchLoader<Task | null>((ids) => tasks.parents(ids), null),
    subtasksOfTask: loaderFamily((limit: number) => batchLoader<Task[]>((ids) => tasks.subtasks(ids, limit), [])),
    tasksOfArea: loaderFamily((limit: number) => batchLoader<Task[]>((ids) => tasks.ofAreas(ids, limit), [])),
    tasksOfDataset: loaderFamily((limit: number) => batchLoader<Task[]>((ids) => tasks.ofDatasets(ids, limit), [])),
  };
}
