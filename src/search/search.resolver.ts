import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { pageInfoOf } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { decodeCursor, encodeCursor, FirstArgs, MAX_PAGE_SIZE, PageArgs, pageSize } from '../graphql/paging';
import { titleKey } from '../model/keys';
import { hasSearchableText } from './lucene';
import { indexSearchKey, RELEVANCE_ORDER, WORD_PREFIX_MIN } from './search.repository';
import { SEARCH_RESULT_CLASSES, SearchConnection, SearchHit, SearchType } from './search.type';

/** The types a search asked for, each once; all when none are given. */
function typesAsked(types: SearchType[] | null): SearchType[] {
  return types?.length ? [...new Set(types)] : Object.values(SearchType);
}

/** How many suggestions `suggest` returns when `first` is not given. */
const SUGGESTIONS_BY_DEFAULT = 10;

const TYPES_ARGUMENT = { nullable: true, description: 'Only hits of these types (default: all).' } as const;

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Full-text search over papers (title, abstract), authors, tasks, datasets and methods, best first by each index’s own score (see `searchResults` for a ranking across types and the things found). The text is matched word by word; Lucene syntax in it is taken literally.',
  })
  async search(
    @Arg('query', () => String, {
      description: 'Words to look for, e.g. "textual inversion" (at most 200 characters).',
    })
    query: string,
    @Arg('types', () => [SearchType], TYPES_ARGUMENT)
    types: SearchType[] | null,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: Context,
  ) {
    const limit = pageSize(first);
    if (!hasSearchableText(query)) return [];
    const key = indexSearchKey({ text: query, limit });
    const perType = await Promise.all(typesAsked(types).map((type) => ctx.loaders.searchHitsOfType(type).load(key)));
    return perType
      .flat()
      .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  @Query(() => SearchConnection, {
    description:
      'Search that returns the things it finds, ranked across types: a title or name equal to the query comes first, then those starting with it, then by full-text relevance and the share of the query’s words the name holds (see `SearchEdge.score`). Paged with `first` and `after`.',
  })
  async searchResults(
    @Arg('query', () => String, {
      description: 'Words to look for, e.g. "textual inversion" or "ImageNet" (at most 200 characters).',
    })
    query: string,
    @Arg('types', () => [SearchType], TYPES_ARGUMENT)
    types: SearchType[] | null,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<SearchConnection> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, RELEVANCE_ORDER.name, RELEVANCE_ORDER.keyType);
    const key = titleKey(query);
    const { total, page } = key
      ? await ctx.repositories.search.ranked({
          text: query,
          key,
          types: typesAsked(types),
          limit: limit + 1,
          after: cursor,
        })
      : { total: 0, page: [] };
    const edges = page.slice(0, limit).map((hit) => ({
      cursor: encodeCursor({ order: RELEVANCE_ORDER.name, key: hit.score, id: hit.id }),
      node: Object.assign(new SEARCH_RESULT_CLASSES[hit.type](), hit.value),
      score: hit.score,
    }));
    return Object.assign(new SearchConnection(), {
      edges,
      totalCount: total,
      pageInfo: pageInfoOf({ edges, hasNextPage: page.length > limit, hasPreviousPage: cursor !== null }),
    });
  }

  @Query(() => [SearchHit], {
    description: `Autocomplete over names and titles, as a user types: those that start with the prefix ("text-to-im" finds Text-to-Image Generation), then those with a word that does ("diffus" finds "Denoising Diffusion Probabilistic Models"; only for a last word of ${WORD_PREFIX_MIN} characters or more), the more connected first; case, accents and punctuation are ignored. \`score\`: 3 for an equal name, 2 for a name starting with the prefix, 1 for a word of it, plus less than 1 for how connected the node is.`,
  })
  async suggest(
    @Arg('prefix', () => String, {
      description: 'What the user has typed so far, e.g. "text-to-im" (at most 100 characters).',
    })
    prefix: string,
    @Arg('types', () => [SearchType], TYPES_ARGUMENT)
    types: SearchType[] | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many: 1 to ${MAX_PAGE_SIZE} (default ${SUGGESTIONS_BY_DEFAULT}).`,
    })
    first: number | null,
    @Ctx() ctx: Context,
  ): Promise<SearchHit[]> {
    const limit = pageSize(first ?? SUGGESTIONS_BY_DEFAULT);
    const key = titleKey(prefix);
    return key ? ctx.repositories.search.suggest(key, typesAsked(types), limit) : [];
  }
}
