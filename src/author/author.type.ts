import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'A person who wrote papers. The archive has no author ids: the id is the slug of the name.',
})
export class Author {
  @Field(() => ID, { description: 'The slug of the normalised name, e.g. rinon-gal.' })
  id!: string;

  @Field(() => String, { description: 'The name as first written in the archive.' })
  name!: string;
}
