import { DateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A research paper of the Papers With Code archive.' })
export class Paper {
  @Field(() => ID, { description: 'The Papers With Code slug: paperswithcode.com/paper/<id>.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The title as published.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'The abstract (plain text with line breaks).' })
  abstract!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The arXiv identifier, e.g. 2208.01618, when the paper is on arXiv.',
  })
  arxivId!: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the abstract page.' })
  urlAbs!: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the PDF.' })
  urlPdf!: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'Date of first publication (YYYY-MM-DD).' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Conference proceeding label, e.g. "NeurIPS 2017 12".' })
  proceeding!: string | null;
}
