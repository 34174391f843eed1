/** A Cypher statement with the name it is logged, timed and counted under. */
export interface Cypher {
  readonly name: string;
  readonly text: string;
}

/** Declares a named Cypher statement; values always travel as `$parameters`, never in the text. */
export function cypher(name: string, text: string): Cypher {
  return { name, text: text.trim() };
}

const composed = new Map<string, Cypher>();

/**
 * A statement composed from whitelisted fragments (filters, sort keys) chosen by the request:
 * built once per distinct `shape` and reused, so the driver and Neo4j see a small, fixed set.
 */
export function composedCypher(name: string, shape: string, build: () => string): Cypher {
  const id = `${name}|${shape}`;
  let query = composed.get(id);
  if (!query) {
    query = cypher(name, build());
    composed.set(id, query);
  }
  return query;
}
