import { ArgsType, Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { connectionType, type PageData } from '../graphql/connection';
import { PaperFacets, type FacetReader } from './paper-facets.type';
import { givenValues, keysetPage, PageArgs } from '../graphql/paging';
import { PaperOrder, type PaperFilter } from './paper-filter';
import { listKey } from '../db/keyset-list';
import type { PaperScope } from '../db/paper-scopes';
import { PAPER_ORDERS } from './paper.repository';
import { Paper } from './paper.type';

@ObjectType('PaperConnection', {
  description: 'A page of papers (Relay cursor connection, keyset cursors), with the facets of the whole list.',
})
export class PaperConnection extends connectionType(Paper, 'Paper', 'paper', { extended: true }) {
  constructor(
    page: PageData<Paper>,
    private readonly facetsOfList: PaperFacets,
  ) {
    super(page);
  }

  @Field(() => PaperFacets, {
    description:
      'How the papers of the whole filtered list spread over years, frameworks and tasks (counted only when selected).',
  })
  facets(): PaperFacets {
    return this.facetsOfList;
  }
}

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
  const facets: FacetReader = (kind, first) =>
    ctx.loaders.paperFacets({ scope, filter, kind, limit: first }).load(JSON.stringify(scopeId)) as Promise<never>;
  return new PaperConnection(page, new PaperFacets(facets));
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
