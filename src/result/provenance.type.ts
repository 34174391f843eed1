import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ProvenanceKind {
  ARCHIVE = 'ARCHIVE',
  SUBMISSION = 'SUBMISSION',
}
registerEnumType(ProvenanceKind, {
  name: 'ProvenanceKind',
  description: 'Where a result or a code link comes from.',
  valuesConfig: {
    ARCHIVE: { description: 'The Papers With Code archive, imported.' },
    SUBMISSION: { description: 'A contributor’s submission, accepted by a moderator.' },
  },
});

@ObjectType({ description: 'Where something the graph shows comes from.' })
export class Provenance {
  @Field(() => ProvenanceKind, { description: 'The archive or a submission.' })
  kind!: ProvenanceKind;

  @Field(() => String, {
    nullable: true,
    description: 'The archive file it was imported from (null for graphs imported before provenance was kept).',
  })
  archiveFile!: string | null;

  submissionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the submitter says it is published.' })
  sourceUrl!: string | null;
}
