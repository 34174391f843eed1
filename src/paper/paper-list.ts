import { ArgsType, Field } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { connectionType } from '../graphql/connection';
import { givenValues, keysetPage, PageArgs } from '../graphql/paging';
import { PaperOrder, type PaperFilter } from './paper-filter';
import { listKey } from '../db/keyset-list';
import { PAPER_ORDERS, type PaperScope } from './paper.repository';
import { Paper } from './paper.type';

export const PaperConnection = connectionType(Paper, 'Paper', 'paper');
export type PaperConnection = InstanceType<typeof PaperConnection>;

@ArgsType()
export class PaperListArgs extends PageArgs {
  @Field(() => PaperOrder, { nullable: true, description: 'The order (default PUBLISHED_DESC).' })
  orderBy?: PaperOrder | null;
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
  const filter = givenValues(args.filter ?? {});
  checkYears(filter);
  const page = await keysetPage(args, PaperOrder.PUBLISHED_DESC, {
    orders: PAPER_ORDERS,
    page: (order, limit, after) =>
      ctx.loaders.paperPages({ scope, filter, order, limit }).load(listKey(scopeId, after)),
    count: () => ctx.loaders.paperCounts({ scope, filter }).load(JSON.stringify(scopeId)),
  });
  return new PaperConnection(page);
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
