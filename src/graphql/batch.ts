import DataLoader from 'dataloader';

/**
 * A per-request DataLoader whose batch function runs ONE query for all the keys it collected and
 * returns a value per key, in key order: `fetch` answers with a map, and keys it lacks get `missing`.
 */
export function batchLoader<K, V>(fetch: (keys: readonly K[]) => Promise<Map<K, V>>, missing: V): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const found = await fetch(keys);
    return keys.map((key) => found.get(key) ?? missing);
  });
}
