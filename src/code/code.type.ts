import { Provenance } from '../result/provenance.type';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A code repository that implements one or more papers.' })
export class Repository {
  @Field(() => String, { description: 'The normalised URL (https, no trailing slash or .git).' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'The owner (user or organisation) on GitHub, GitLab, ….' })
  owner!: string | null;

  @Field(() => String, { nullable: true, description: 'The repository name.' })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The framework its paper links name (pytorch, tf, jax, …); null when none names one.',
  })
  framework!: string | null;
}

@ObjectType({ description: 'The link between a paper and a repository that implements it.' })
export class CodeLink {
  paperId!: string;

  @Field(() => Repository, { description: 'The repository.' })
  repository!: Repository;

  @Field(() => Boolean, { description: "Whether it is the authors' own implementation." })
  isOfficial!: boolean;

  @Field(() => Boolean, { description: 'Whether the paper mentions the repository.' })
  mentionedInPaper!: boolean;

  @Field(() => Boolean, { description: 'Whether the repository mentions the paper.' })
  mentionedInGithub!: boolean;

  @Field(() => String, { nullable: true, description: 'The framework of this implementation, when known.' })
  framework!: string | null;

  @Field(() => Provenance, { description: 'Where the link comes from: the archive, or an accepted submission.' })
  provenance!: Provenance;
}
