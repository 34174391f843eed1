import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'A person who wrote papers. The archive has no author ids: the id is the slug of the name.',
})
export class Author {
  @Field(() => ID, { description: 'The slug of the normalised name, e.g. rinon-gal.' })
  id!: string;

  @Field(() => String, { description: 'The name as first written in the archive.' })
  name!: string;

  @Field(() => Int, { description: 'How many papers of the graph list this author.' })
  paperCount!: number;
}

@ObjectType({ description: 'Another author, with how many papers the two wrote together.' })
export class Coauthorship {
  @Field(() => Author, { description: 'The co-author.' })
  author!: Author;

  @Field(() => Int, { description: 'Papers that list both authors.' })
  papersTogether!: number;
}
