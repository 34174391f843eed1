import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { Extensions } from 'type-graphql';

/** The schema extension that marks a field the look-ahead may start early (see Prefetched). */
const PREFETCH = 'prefetch';

/** What the look-ahead knows of a parent before it is read: its id. */
export interface ParentRef {
  id: string;
}

/**
 * Marks a field resolver that the look-ahead (`prefetch`) may run before its parent is read. Its
 * load is declared once, in the resolver: the look-ahead calls the same resolver, with the
 * field's typed arguments as the query gives them. The resolver's parent must be typed as
 * something it knows from the id alone (the compiler checks this), and it must not take `@Info`.
 */
export function Prefetched() {
  const mark = Extensions({ [PREFETCH]: true });
  return <M extends (parent: ParentRef, ...rest: never[]) => unknown>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    mark(target, key, descriptor);
  };
}

function collectFields(selectionSet: SelectionSetNode, info: GraphQLResolveInfo, into: FieldNode[]): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectFields(selection.selectionSet, info, into);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) collectFields(fragment.selectionSet, info, into);
    }
  }
}

function selectedFields(info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const node of info.fieldNodes) if (node.selectionSet) collectFields(node.selectionSet, info, fields);
  return fields;
}

/** Whether the query selects `name` on the value of the field `info` resolves. */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return selectedFields(info).some((field) => field.name.value === name);
}

/**
 * Look-ahead for the field `info` resolves: for each of `parents` (what the field will return,
 * known before it is read, e.g. the id a root field was given), runs the resolvers of the
 * `@Prefetched` fields the query selects on them. graphql-js would run them only once the field's
 * own value has arrived, one round trip later; run now, their loads join the field's own read in
 * one fused statement (FusedReads), and when graphql-js runs them again they get the same
 * DataLoader promises. A field whose arguments are invalid is skipped: its resolver reports the
 * error when graphql-js runs it.
 */
export function prefetch(info: GraphQLResolveInfo, context: unknown, parents: ParentRef[]): void {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return;
  for (const field of selectedFields(info)) {
    const definition = type.getFields()[field.name.value];
    if (!definition?.resolve || definition.extensions[PREFETCH] !== true) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, field, info.variableValues);
    } catch {
      continue;
    }
    for (const parent of parents) {
      try {
        // Awaited later by graphql-js through the loaders; until then a failure must not count as unhandled.
        Promise.resolve(definition.resolve(parent, args, context, info)).catch(() => undefined);
      } catch {
        // An argument out of range: the resolver throws it again when graphql-js runs it.
      }
    }
  }
}
