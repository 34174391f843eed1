/** A Cypher statement with the name it is logged, timed and counted under: writes and the importer's reads. */
export interface Cypher {
  readonly name: string;
  readonly text: string;
}

/** Declares a named Cypher statement; values always travel as `$parameters`, never in the text. */
export function cypher(name: string, text: string): Cypher {
  return { name, text: text.trim() };
}

export type Params = Record<string, unknown>;

/** The Cypher expression of each input of a read statement (`$.ids` is e.g. `$input.ids`). */
export type InputRefs<I> = { readonly [K in keyof I & string]-?: string };

/** The columns of a keyed read: the id (or request key) a row was reached from, and what was found. */
export const KEYED_COLUMNS = ['key', 'value'] as const;

/**
 * A read statement of the API. It takes its inputs from one map parameter, and its text is
 * composed around that parameter's name, so that several statements can travel as one (see
 * FusedReads), each reading its own map, without any rewriting of their texts.
 */
export interface ReadStatement {
  readonly name: string;
  /** The columns it returns, in order. */
  readonly columns: readonly string[];
  /** Its text, reading its inputs from the map parameter `parameter` (e.g. `$input`). */
  text(parameter: string): string;
  /** For a fused statement, the names of the statements it carries. */
  readonly parts?: readonly string[];
}

function inputRefs<I>(parameter: string): InputRefs<I> {
  return new Proxy({} as InputRefs<I>, { get: (_target, input) => `${parameter}.${String(input)}` });
}

/**
 * Declares a read statement: `build` writes its text from the expressions of its inputs, e.g.
 * `($) => \`UNWIND ${$.ids} AS id ...\``. Texts are built once per parameter name.
 */
export function readStatement<I = Params>(
  name: string,
  build: ($: InputRefs<I>) => string,
  columns: readonly string[] = KEYED_COLUMNS,
): ReadStatement {
  const texts = new Map<string, string>();
  return {
    name,
    columns,
    text(parameter) {
      let text = texts.get(parameter);
      if (text === undefined) {
        text = build(inputRefs<I>(parameter)).trim();
        texts.set(parameter, text);
      }
      return text;
    },
  };
}

const composed = new Map<string, ReadStatement>();

/**
 * A read statement composed from whitelisted fragments (filters, sort keys) chosen by the request:
 * built once per distinct `shape` and reused, so the driver and Neo4j see a small, fixed set.
 */
export function composedRead<I>(
  name: string,
  shape: string,
  build: ($: InputRefs<I>) => string,
  columns?: readonly string[],
): ReadStatement {
  const id = `${name}|${shape}`;
  let statement = composed.get(id);
  if (!statement) {
    statement = readStatement(name, build, columns);
    composed.set(id, statement);
  }
  return statement;
}
