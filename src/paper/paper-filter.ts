import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { SortSpec } from '../graphql/keyset';

export enum PaperOrder {
  PUBLISHED_DESC = 'PUBLISHED_DESC',
  PUBLISHED_ASC = 'PUBLISHED_ASC',
  TITLE_ASC = 'TITLE_ASC',
}
registerEnumType(PaperOrder, {
  name: 'PaperOrder',
  description: 'How a list of papers is sorted; ties are broken by id, so pages never overlap.',
  valuesConfig: {
    PUBLISHED_DESC: { description: 'Newest first; papers without a date last (the default).' },
    PUBLISHED_ASC: { description: 'Oldest first; papers without a date last.' },
    TITLE_ASC: { description: 'By title, A to Z, ignoring case.' },
  },
});

/**
 * How a date order can walk the `publishedAt` index instead of sorting a large scope: the dated
 * papers in index order from the cursor on, then the undated ones (whose sort key is `undated`).
 */
export interface DateWalk {
  start: string;
  undated: string;
}

/** Sort keys of paper lists, by order: the only sort expressions that reach Cypher. */
export const PAPER_ORDERS: Record<PaperOrder, SortSpec & { walk?: DateWalk }> = {
  [PaperOrder.PUBLISHED_DESC]: {
    key: "coalesce(p.publishedAt, date('0001-01-01'))",
    direction: 'DESC',
    keyType: 'date',
    walk: { start: "'9999-12-31'", undated: "'0001-01-01'" },
  },
  [PaperOrder.PUBLISHED_ASC]: {
    key: "coalesce(p.publishedAt, date('9999-12-31'))",
    direction: 'ASC',
    keyType: 'date',
    walk: { start: "'0001-01-01'", undated: "'9999-12-31'" },
  },
  [PaperOrder.TITLE_ASC]: {
    key: "coalesce(toLower(p.title), '\\uffff')",
    direction: 'ASC',
    keyType: 'text',
  },
};

@InputType({ description: 'Conditions on a list of papers; all given conditions must hold.' })
export class PaperFilter {
  @Field(() => ID, { nullable: true, description: 'Papers that address this task.' })
  task?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers that introduce this dataset or have results on it.' })
  dataset?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers that use this method.' })
  method?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers this author wrote.' })
  author?: string | null;

  @Field(() => Int, { nullable: true, description: 'Papers published in this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Papers published in this year or earlier.' })
  yearTo?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: papers with a code repository; false: papers without.' })
  hasCode?: boolean | null;
}
