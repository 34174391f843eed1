import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { urlKey } from '../model/keys';
import type { Context } from '../graphql/context';
import { FirstArgs, pageSize } from '../graphql/paging';
import { Paper } from '../paper/paper.type';
import { CodeLink, Repository } from './code.type';

@Resolver(() => Repository)
export class RepositoryResolver {
  @Query(() => Repository, {
    nullable: true,
    description:
      'A code repository by URL (http or https, with or without www., a trailing slash or .git); null when there is none.',
  })
  repository(
    @Arg('url', () => String, {
      description: 'The repository URL, e.g. https://github.com/rinongal/textual_inversion.',
    })
    url: string,
    @Ctx() ctx: Context,
  ) {
    const key = urlKey(url);
    return key ? ctx.loaders.repositoryByUrl.load(key) : null;
  }

  @FieldResolver(() => [Paper], { description: 'The papers the repository implements, newest first.' })
  papers(@Root() repository: Repository, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.papersOfRepository(pageSize(first)).load(repository.url);
  }
}

@Resolver(() => CodeLink)
export class CodeLinkResolver {
  @FieldResolver(() => Paper, { description: 'The paper the repository implements.' })
  async paper(@Root() link: CodeLink, @Ctx() ctx: Context) {
    return ctx.loaders.paperById.load(link.paperId);
  }
}
