import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context';
import { Contributor } from './contributor.type';

@Resolver(() => Contributor)
export class ContributorResolver {
  @Query(() => Contributor, {
    nullable: true,
    description:
      "Who the request's token (`Authorization: Bearer <token>`) names; null without one. An invalid or revoked token is UNAUTHENTICATED.",
  })
  me(@Ctx() ctx: Context): Contributor | null {
    return ctx.contributor;
  }
}
