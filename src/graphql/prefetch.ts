import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from './context';
import { pageSize } from './paging';

/**
 * The load behind one field of a parent of type `P`: the field's resolver returns it, and
 * `prefetch` starts it early. Loads go through the request's DataLoaders, so the resolver later
 * gets the same (cached) promise.
 */
export type FieldLoad<P> = (ctx: Context, parent: P, args: Record<string, unknown>) => unknown;

export type FieldLoads<P> = Partial<Record<string, FieldLoad<P>>>;

/** The arguments of a list field that takes `first`, as the resolver or the look-ahead gets them. */
export interface FirstArgs {
  first?: unknown;
}

/** The page size `first` asks for (validated: out of range is a BAD_USER_INPUT error). */
export function pageSizeOf(args: FirstArgs): number {
  return pageSize(args.first as number | null | undefined);
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
 * Look-ahead for the field `info` resolves: starts, for each of `parents` (what the field will
 * return, known before it is read, e.g. the id a root field was given), the loads of the fields
 * the query selects on them. graphql-js would start them only once the field's own value has
 * arrived, one round trip later; started now, they join the field's own read in one fused
 * statement (FusedReads). A load that cannot start (an argument out of range) is skipped: the
 * field's resolver reports it when it runs.
 */
export function prefetch<P>(info: GraphQLResolveInfo, ctx: Context, parents: P[], loads: FieldLoads<P>): void {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return;
  for (const field of selectedFields(info)) {
    const load = loads[field.name.value];
    const definition = type.getFields()[field.name.value];
    if (!load || !definition) continue;
    try {
      const args = getArgumentValues(definition, field, info.variableValues);
      for (const parent of parents) {
        // The resolver awaits the same promise; until then a failure must not count as unhandled.
        Promise.resolve(load(ctx, parent, args)).catch(() => undefined);
      }
    } catch {
      continue;
    }
  }
}
