import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The fragments a document defines, by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/**
 * Visits every field a selection set selects, fragments expanded as often as they are spread (a
 * cycle of fragments, which graphql-js's own rule refuses, is not followed). `enter` gets each
 * field with the state of its parent and returns the state for the field's children, or
 * `undefined` to skip them.
 */
export function walkFields<State>(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  state: State,
  enter: (field: FieldNode, state: State) => State | undefined,
  visiting = new Set<string>(),
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const inner = enter(selection, state);
      if (inner !== undefined) walkFields(selection.selectionSet, fragments, inner, enter, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walkFields(selection.selectionSet, fragments, state, enter, visiting);
    } else if (!visiting.has(selection.name.value)) {
      visiting.add(selection.name.value);
      walkFields(fragments.get(selection.name.value)?.selectionSet, fragments, state, enter, visiting);
      visiting.delete(selection.name.value);
    }
  }
}
