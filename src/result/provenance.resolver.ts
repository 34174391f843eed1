import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { Submission } from '../submission/submission.type';
import { Provenance } from './provenance.type';

@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => Submission, { nullable: true, description: 'The accepted submission it comes from.' })
  submission(@Root() provenance: Provenance, @Ctx() ctx: Context) {
    return provenance.submissionId ? ctx.loaders.submissionById.load(provenance.submissionId) : null;
  }
}
