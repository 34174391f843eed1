import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context';
import { FirstArgs, pageSize } from '../graphql/paging';
import { hasSearchableText } from './lucene';
import { indexSearchKey } from './search.repository';
import { SearchHit, SearchType } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over papers (title, abstract), authors, tasks, datasets and methods, best first. The text is matched word by word; Lucene syntax in it is taken literally.',
  })
  async search(
    @Arg('query', () => String, {
      description: 'Words to look for, e.g. "textual inversion" (at most 200 characters).',
    })
    query: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Only hits of these types (default: all).' })
    types: SearchType[] | null,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: Context,
  ) {
    const limit = pageSize(first);
    if (!hasSearchableText(query)) return [];
    const wanted = types?.length ? [...new Set(types)] : Object.values(SearchType);
    const key = indexSearchKey({ text: query, limit });
    const perType = await Promise.all(wanted.map((type) => ctx.loaders.searchHitsOfType(type).load(key)));
    return perType
      .flat()
      .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
