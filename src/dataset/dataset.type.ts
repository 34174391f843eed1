import { DateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A dataset or benchmark that papers introduce or evaluate on.' })
export class Dataset {
  @Field(() => ID, { description: 'The Papers With Code slug: paperswithcode.com/dataset/<id>.' })
  id!: string;

  @Field(() => String, { description: 'The short name, e.g. "COCO".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The full name, e.g. "Microsoft Common Objects in Context".' })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'What the dataset holds (Markdown).' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "The dataset's home page." })
  homepage!: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'When the dataset was introduced (YYYY-MM-DD).' })
  introducedAt!: string | null;

  @Field(() => [String], { description: 'Kinds of data, e.g. "Images", "Texts".' })
  modalities!: string[];

  @Field(() => [String], { description: 'Natural languages of the data, e.g. "English".' })
  languages!: string[];
}
