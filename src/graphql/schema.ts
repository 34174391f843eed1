import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { PaperResolver } from '../paper/paper.resolver';

export const RESOLVERS = [PaperResolver] as const;

export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}

/** The SDL committed as schema/schema.graphql (fields in declaration order), so every API change is a visible diff. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
