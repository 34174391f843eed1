import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A method, model or building block papers use, such as "Transformer".' })
export class Method {
  @Field(() => ID, { description: 'The Papers With Code slug: paperswithcode.com/method/<id>.' })
  id!: string;

  @Field(() => String, { description: 'The short name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The full name.' })
  fullName!: string | null;

  @Field(() => String, { nullable: true, description: 'What the method does (Markdown, may hold LaTeX).' })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the method was introduced.' })
  introducedYear!: number | null;

  @Field(() => Int, { description: 'How many papers use this method.' })
  paperCount!: number;
}

@ObjectType({ description: 'A family of methods, such as "Attention Mechanisms".' })
export class MethodCollection {
  @Field(() => ID, { description: 'The slug of the collection name.' })
  id!: string;

  @Field(() => String, { description: 'The collection name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the collection groups.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'The name of the area the collection belongs to.' })
  area!: string | null;
}
