import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { prefetch } from '../graphql/prefetch';
import { arxivKey, pwcId, urlKey } from '../model/keys';
import { urlLookupKey } from './paper.loader';
import { Paper } from './paper.type';

const ARXIV_EXAMPLES = '2208.01618, 2208.01618v2, arXiv:2208.01618 or cs/9301114';

/** Finding a paper by what a client holds: an arXiv id, a URL, or a list of ids. */
@Resolver()
export class PaperLookupResolver {
  @Query(() => Paper, {
    nullable: true,
    description:
      'The paper of an arXiv id, with or without its version or an `arXiv:` prefix; null when the graph has none. When several papers share the id, the earliest published (then the smallest id).',
  })
  paperByArxivId(
    @Arg('arxivId', () => String, { description: `An arXiv id, e.g. ${ARXIV_EXAMPLES}.` }) arxivId: string,
    @Ctx() ctx: Context,
  ) {
    const key = arxivKey(arxivId);
    if (!key) {
      throw new BadUserInputError(`"${arxivId}" is not an arXiv id; give one such as ${ARXIV_EXAMPLES}.`, {
        argument: 'arxivId',
      });
    }
    return ctx.loaders.paperByArxivId.load(key);
  }

  @Query(() => Paper, {
    nullable: true,
    description:
      'The paper a URL is about: an arxiv.org abs or pdf URL (any version), a paperswithcode.com/paper/<id> URL, or the paper’s stored `urlAbs` (http or https, trailing slash ignored) or `urlPdf`; null when the graph has none.',
  })
  paperByUrl(
    @Arg('url', () => String, { description: 'e.g. https://arxiv.org/pdf/2208.01618v2.pdf' }) url: string,
    @Ctx() ctx: Context,
  ) {
    const pwc = pwcId(url, 'paper');
    if (pwc) return ctx.loaders.paperById.load(pwc);
    const arxiv = /arxiv\.org\//i.test(url) ? arxivKey(url) : null;
    if (arxiv) return ctx.loaders.paperByArxivId.load(arxiv);
    const key = urlKey(url);
    if (!key) {
      throw new BadUserInputError(`"${url}" is not a URL; give one such as https://arxiv.org/abs/2208.01618.`, {
        argument: 'url',
      });
    }
    return ctx.loaders.paperByUrl.load(urlLookupKey(url.trim(), key));
  }

  @Query(() => [Paper], {
    nullable: 'items',
    description: 'Papers by their ids (at most 100), answered in the order asked; null for an id the graph lacks.',
  })
  papersByIds(
    @Arg('ids', () => [ID], { description: 'Paper slugs, e.g. ["an-image-is-worth-one-word-personalizing"].' })
    ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(
      info,
      ctx,
      ids.map((id) => ({ id })),
    );
    return ids.map((id) => ctx.loaders.paperById.load(id));
  }
}
