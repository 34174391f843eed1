import { ArgsType, Field, Int } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { givenValues } from '../graphql/catalogue';
import type { Context } from '../graphql/context';
import { connectionType } from '../graphql/connection';
import { toEdges } from '../graphql/keyset';
import { decodeCursor, pageSize } from '../graphql/paging';
import { PAPER_ORDERS, PaperOrder, type PaperFilter } from './paper-filter';
import { paperListKey } from './paper.loader';
import type { PaperScope } from './paper.repository';
import { Paper } from './paper.type';

export const PaperConnection = connectionType(Paper, 'Paper', 'paper');
export type PaperConnection = InstanceType<typeof PaperConnection>;

@ArgsType()
export class PaperListArgs {
  @Field(() => PaperOrder, { nullable: true, description: 'The order (default PUBLISHED_DESC).' })
  orderBy?: PaperOrder | null;

  @Field(() => Int, { nullable: true, description: 'Page size: 1 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Read after this cursor (an `endCursor` of the same list).' })
  after?: string | null;
}

/**
 * A page of the papers in a scope (all papers, or one task's, author's, method's or dataset's),
 * read through the request's loaders so the same list under many parents costs one query.
 */
export async function paperConnection(
  ctx: Context,
  scope: PaperScope,
  scopeId: string | null,
  args: PaperListArgs & { filter?: PaperFilter | null },
): Promise<PaperConnection> {
  const order = args.orderBy ?? PaperOrder.PUBLISHED_DESC;
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after, order, PAPER_ORDERS[order].keyType);
  const filter = givenValues(args.filter ?? {});
  checkYears(filter);
  const after = cursor && { key: cursor.key, id: cursor.id };
  const rows = await ctx.loaders
    .paperPages({ scope, filter, order, limit: limit + 1 })
    .load(paperListKey(scopeId, after));
  return new PaperConnection({
    ...toEdges(rows, limit, order),
    hasPreviousPage: cursor !== null,
    count: () => ctx.loaders.paperCounts({ scope, filter }).load(JSON.stringify(scopeId)),
  });
}

const EARLIEST_YEAR = 1;
const LATEST_YEAR = 9999;

function checkYears({ yearFrom, yearTo }: PaperFilter): void {
  for (const [argument, year] of [
    ['yearFrom', yearFrom],
    ['yearTo', yearTo],
  ] as const) {
    if (year !== null && year !== undefined && (year < EARLIEST_YEAR || year > LATEST_YEAR)) {
      throw new BadUserInputError(
        `\`filter.${argument}\` must be a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}; got ${year}.`,
        {
          argument: `filter.${argument}`,
        },
      );
    }
  }
  if (yearFrom && yearTo && yearFrom > yearTo) {
    throw new BadUserInputError(`\`filter.yearFrom\` (${yearFrom}) is after \`filter.yearTo\` (${yearTo}).`, {
      argument: 'filter.yearFrom',
    });
  }
}
