import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a list sits (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether this page was read after a cursor (items come before it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item; null on an empty page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** Where a page sits: whether others follow or precede it, and the cursors of its ends. */
export function pageInfoOf(page: {
  edges: { cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}): PageInfo {
  return {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.edges[0]?.cursor ?? null,
    endCursor: page.edges.at(-1)?.cursor ?? null,
  };
}

/** What a list query hands to a connection: its edges, whether more follow, and how to count all. */
export interface PageData<T> {
  edges: Edge<T>[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  count: () => Promise<number>;
}

/**
 * A Relay connection type named `<name>Connection` (with `<name>Edge`) over `node`. Its
 * `totalCount` runs its count query only when a client asks for it. `extended`: the type is a
 * base class (`<name>ConnectionBase`, never in the schema: no field returns it), and a subclass
 * that adds fields declares `<name>Connection` itself.
 */
export function connectionType<T extends object>(
  node: ClassType<T>,
  name: string,
  noun: string,
  { extended = false } = {},
) {
  @ObjectType(`${name}Edge`, { description: `One ${noun} of a page, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: `Pass as \`after\` to read the ${noun}s that follow this one.` })
    cursor!: string;

    @Field(() => node, { description: `The ${noun}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection${extended ? 'Base' : ''}`, {
    description: `A page of ${noun}s (Relay cursor connection, keyset cursors).`,
  })
  class ConnectionType {
    constructor(private readonly page: PageData<T>) {}

    @Field(() => [EdgeType], { description: `The ${noun}s of this page, in the list's order.` })
    get edges(): Edge<T>[] {
      return this.page.edges;
    }

    @Field(() => [node], { description: `The ${noun}s of this page without their cursors.` })
    get nodes(): T[] {
      return this.page.edges.map((edge) => edge.node);
    }

    @Field(() => PageInfo, { description: 'Whether more follow, and the cursors to ask for them.' })
    get pageInfo(): PageInfo {
      return pageInfoOf(this.page);
    }

    @Field(() => Int, { description: `How many ${noun}s the whole list holds (counted only when asked for).` })
    totalCount(): Promise<number> {
      return this.page.count();
    }
  }
  return ConnectionType;
}
