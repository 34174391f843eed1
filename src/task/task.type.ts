import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A machine-learning task, such as "Image Generation".' })
export class Task {
  @Field(() => ID, { description: 'The Papers With Code slug: paperswithcode.com/task/<id>.' })
  id!: string;

  @Field(() => String, { description: 'The task name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the task is about (Markdown).' })
  description!: string | null;

  @Field(() => Int, { description: 'How many papers address this task (its subtasks not included).' })
  paperCount!: number;
}
