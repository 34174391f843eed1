import { DateResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { givenValues } from '../graphql/paging';

@InputType({
  description:
    'Conditions on the rows of a leaderboard; all given conditions must hold, and ranks are computed among the rows kept.',
})
export class LeaderboardFilter {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only rows trained with extra data; false: only rows without (Papers With Code’s "no extra training data" view).',
  })
  usesAdditionalData?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only rows with a code link or whose paper has a repository; false: only rows with neither.',
  })
  hasCode?: boolean | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'Only rows dated on or after this day (undated rows are left out).',
  })
  from?: Date | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'Only rows dated on or before this day (undated rows are left out).',
  })
  to?: Date | null;
}

/** A leaderboard filter as the repository reads it: only the given conditions, dates as `YYYY-MM-DD`. */
export interface RowFilter {
  usesAdditionalData?: boolean;
  hasCode?: boolean;
  from?: string;
  to?: string;
}

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

/** Checks a filter argument and gives its conditions; `from` after `to` is refused. */
export function rowFilter(filter: LeaderboardFilter | null | undefined): RowFilter {
  const given = givenValues({
    usesAdditionalData: filter?.usesAdditionalData,
    hasCode: filter?.hasCode,
    from: day(filter?.from),
    to: day(filter?.to),
  }) as RowFilter;
  if (given.from && given.to && given.from > given.to) {
    throw new BadUserInputError(`\`filter.from\` (${given.from}) is after \`filter.to\` (${given.to}).`, {
      argument: 'filter.from',
    });
  }
  return given;
}
