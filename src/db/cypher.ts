/** A Cypher statement with the name it is logged, timed and counted under. */
export interface Cypher {
  readonly name: string;
  readonly text: string;
}

/** Declares a named Cypher statement; values always travel as `$parameters`, never in the text. */
export function cypher(name: string, text: string): Cypher {
  return { name, text: text.trim() };
}
