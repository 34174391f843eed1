import { Field, ID, InputType, registerEnumType } from 'type-graphql';

export enum MethodOrder {
  PAPER_COUNT_DESC = 'PAPER_COUNT_DESC',
  NAME_ASC = 'NAME_ASC',
  INTRODUCED_DESC = 'INTRODUCED_DESC',
}
registerEnumType(MethodOrder, {
  name: 'MethodOrder',
  description: 'How a list of methods is sorted; ties are broken by id.',
  valuesConfig: {
    PAPER_COUNT_DESC: { description: 'Most papers first (the default).' },
    NAME_ASC: { description: 'By name, A to Z, ignoring case.' },
    INTRODUCED_DESC: { description: 'Most recently introduced first; methods without a year last.' },
  },
});

@InputType({ description: 'Conditions on a list of methods; all given conditions must hold.' })
export class MethodFilter {
  @Field(() => ID, { nullable: true, description: 'Methods in this collection, e.g. attention-mechanisms.' })
  collection?: string | null;

  @Field(() => ID, { nullable: true, description: 'Methods whose collections belong to this area.' })
  area?: string | null;
}
