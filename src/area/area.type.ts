import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A research area that groups tasks, such as "Computer Vision".' })
export class Area {
  @Field(() => ID, { description: 'The slug of the area name, e.g. computer-vision.' })
  id!: string;

  @Field(() => String, { description: 'The area name.' })
  name!: string;
}
