import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { FirstArg, pageSize } from '../graphql/paging';
import { hasSearchableText } from './lucene';
import { SearchHit, SearchType } from './search.type';

const MAX_QUERY_LENGTH = 200;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over papers (title, abstract), authors, tasks, datasets and methods, best first. The text is matched word by word; Lucene syntax in it is taken literally.',
  })
  search(
    @Arg('query', () => String, { description: 'Words to look for, e.g. "textual inversion".' }) query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Only hits of these types (default: all).' })
    types: SearchType[] | null,
    @FirstArg('hits') first: number | null,
    @Ctx() ctx: Context,
  ) {
    const limit = pageSize(first);
    if (query.length > MAX_QUERY_LENGTH) {
      throw new BadUserInputError(`\`query\` is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}.`, {
        argument: 'query',
      });
    }
    if (!hasSearchableText(query)) return [];
    const wanted = types?.length ? [...new Set(types)] : Object.values(SearchType);
    return ctx.repositories.search.search(query, wanted, limit);
  }
}
