import DataLoader from 'dataloader';

/**
 * A per-request DataLoader whose batch function runs ONE query for all the keys it collected and
 * returns a value per key, in key order: `fetch` answers with a map, and keys it lacks get `missing`.
 */
export function batchLoader<V>(fetch: (keys: readonly string[]) => Promise<Map<string, V>>, missing: V) {
  return new DataLoader<string, V>(async (keys) => {
    const found = await fetch(keys);
    return keys.map((key) => found.get(key) ?? missing);
  });
}

/**
 * Loaders that differ by their arguments (page size, order, metric): one DataLoader per distinct
 * set of arguments, created on first use within the request, so a field asked with the same
 * arguments on many parents costs one query.
 */
export function loaderFamily<A, V>(create: (args: A) => DataLoader<string, V>): (args: A) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (args) => {
    const signature = JSON.stringify(args);
    let loader = loaders.get(signature);
    if (!loader) {
      loader = create(args);
      loaders.set(signature, loader);
    }
    return loader;
  };
}
