import 'reflect-metadata';
import { graphql, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildSchema } from 'type-graphql';
import { FirstArgs, pageSize } from './paging';
import { prefetch, Prefetched, type ParentRef } from './prefetch';

@ObjectType()
class Thing {
  @Field(() => ID)
  id!: string;
}

/** What the fields' loads saw: a log of calls, and one promise per load (as a DataLoader would cache it). */
interface TestContext {
  log: string[];
  loads: Map<string, Promise<unknown>>;
}

function load(ctx: TestContext, key: string, value: unknown): Promise<unknown> {
  let promise = ctx.loads.get(key);
  if (!promise) {
    ctx.log.push(`load ${key}`);
    promise = Promise.resolve(value);
    ctx.loads.set(key, promise);
  }
  return promise;
}

@Resolver(() => Thing)
class ThingResolver {
  @Query(() => Thing, { nullable: true })
  async thing(@Arg('id', () => ID) id: string, @Ctx() ctx: TestContext, @Info() info: GraphQLResolveInfo) {
    prefetch(info, ctx, [{ id }]);
    // The request's reads started before this turn of the event loop ends travel together (FusedReads).
    // The resolver then waits 5 ms counted from there, so its end never comes before the turn's,
    // however slow the event loop is (a busy machine once ran the 5 ms timer first).
    await new Promise((resolve) =>
      setImmediate(() => {
        ctx.log.push('turn ends');
        setTimeout(resolve, 5);
      }),
    );
    return { id };
  }

  @Prefetched()
  @FieldResolver(() => String)
  name(@Root() thing: ParentRef, @Ctx() ctx: TestContext) {
    return load(ctx, `name ${thing.id}`, `name of ${thing.id}`);
  }

  @Prefetched()
  @FieldResolver(() => [Int])
  numbers(@Root() thing: ParentRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: TestContext) {
    const size = pageSize(first);
    return load(ctx, `numbers ${thing.id} ${size}`, [size]);
  }

  @FieldResolver(() => String)
  late(@Root() thing: Thing, @Ctx() ctx: TestContext) {
    return load(ctx, `late ${thing.id}`, 'late');
  }
}

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSchema({ resolvers: [ThingResolver], validate: false });
});

async function run(source: string, variableValues?: Record<string, unknown>) {
  const contextValue: TestContext = { log: [], loads: new Map() };
  const result = await graphql({ schema, source, contextValue, variableValues });
  return { result, log: contextValue.log };
}

describe('prefetch', () => {
  it('starts the loads of the selected @Prefetched fields in the turn the parent is asked for, with their typed arguments', async () => {
    const { result, log } = await run('{ thing(id: "t1") { name numbers(first: 3) late } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ thing: { name: 'name of t1', numbers: [3], late: 'late' } });
    // The prefetched loads come first; the resolvers run again by graphql-js reuse them.
    expect(log).toEqual(['load name t1', 'load numbers t1 3', 'turn ends', 'load late t1']);
  });

  it('reads the fields in fragments and variables as the query gives them', async () => {
    const { log } = await run(
      'query($n: Int) { thing(id: "t2") { ...F } } fragment F on Thing { numbers(first: $n) }',
      {
        n: 7,
      },
    );
    expect(log).toEqual(['load numbers t2 7', 'turn ends']);
  });

  it('starts nothing the query does not select', async () => {
    const { log } = await run('{ thing(id: "t3") { id } }');
    expect(log).toEqual(['turn ends']);
  });

  it('skips a field whose arguments are out of range and lets its resolver report the error', async () => {
    const { result, log } = await run('{ thing(id: "t4") { name numbers(first: 500) } }');
    expect(log).toEqual(['load name t4', 'turn ends']);
    expect(result.errors?.map((error) => error.message)).toEqual([
      '`first` must be between 1 and 100; got 500. Page through longer lists with `after`.',
    ]);
  });
});
