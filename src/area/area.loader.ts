import type { GraphReader } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { AreaRepository } from './area.repository';
import type { Area } from './area.type';

export function createAreaLoaders(db: GraphReader) {
  const areas = new AreaRepository(db);
  return {
    areaById: batchLoader<Area | null>((ids) => areas.byIds(ids), null),
    areasOfTask: batchLoader<Area[]>((taskIds) => areas.ofTasks(taskIds), []),
  };
}
