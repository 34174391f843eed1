import type { Db } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { TaskRepository } from './task.repository';
import type { Task } from './task.type';

export function createTaskLoaders(db: Db) {
  const tasks = new TaskRepository(db);
  return {
    tasksByPaper: batchLoader<string, Task[]>((paperIds) => tasks.ofPapers(paperIds), []),
  };
}
