import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from '../area/area.resolver';
import { AuthorResolver } from '../author/author.resolver';
import { DatasetResolver } from '../dataset/dataset.resolver';
import { LeaderboardResolver } from '../leaderboard/leaderboard.resolver';
import { MethodCollectionResolver, MethodResolver } from '../method/method.resolver';
import { PaperLookupResolver } from '../paper/paper-lookup.resolver';
import { PaperResolver } from '../paper/paper.resolver';
import { CodeLinkResolver, RepositoryResolver } from '../code/code.resolver';
import { CompareResolver } from '../compare/compare.resolver';
import { ContributorResolver } from '../contributor/contributor.resolver';
import { SubmissionResolver } from '../submission/submission.resolver';
import { ProvenanceResolver } from '../result/provenance.resolver';
import { ResultResolver } from '../result/result.resolver';
import { SearchResolver } from '../search/search.resolver';
import { TaskResolver } from '../task/task.resolver';

export const RESOLVERS = [
  PaperResolver,
  PaperLookupResolver,
  AuthorResolver,
  TaskResolver,
  AreaResolver,
  DatasetResolver,
  MethodResolver,
  MethodCollectionResolver,
  RepositoryResolver,
  CodeLinkResolver,
  LeaderboardResolver,
  ResultResolver,
  SearchResolver,
  CompareResolver,
  ContributorResolver,
  SubmissionResolver,
  ProvenanceResolver,
] as const;

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}

/** The SDL committed as schema/schema.graphql (fields in declaration order), so every API change is a visible diff. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
