import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  CONTRIBUTOR = 'CONTRIBUTOR',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a contributor may do.',
  valuesConfig: {
    CONTRIBUTOR: { description: 'Submits results, code links and metric directions, and withdraws its own.' },
    MODERATOR: { description: "Also sees every submission and reviews others' submissions." },
    ADMIN: {
      description: 'Also reviews its own submissions (a one-person instance); manages tokens from the command line.',
    },
  },
});

@ObjectType({ description: 'Someone who submits or reviews contributions, known by an API token.' })
export class Contributor {
  @Field(() => ID, { description: 'The name in lower case, e.g. alice.' })
  id!: string;

  @Field(() => String, { description: 'The name the token was created with.' })
  name!: string;

  @Field(() => Role, { description: 'What it may do; all its tokens share it.' })
  role!: Role;
}
