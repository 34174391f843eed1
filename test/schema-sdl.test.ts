import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../src/config';
import { buildGraphQLSchema, printSdl } from '../src/graphql/schema';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildGraphQLSchema();
});

describe('schema/schema.graphql', () => {
  it('is the SDL the code emits (run `npm run schema:emit` after an API change)', () => {
    const committed = readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(printSdl(schema)).toBe(committed);
  });

  it('describes every type, field, argument and enum value, so Apollo Sandbox explains it', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType()) continue;
      if (isScalarType(type) && !type.astNode && !type.description) continue;
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const argument of 'args' in field ? field.args : []) {
            if (!argument.description) undescribed.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
      }
    }
    const queryFields = Object.values(schema.getQueryType()?.getFields() ?? {});
    for (const field of queryFields) {
      if (!field.description) undescribed.push(`Query.${field.name}`);
      for (const argument of field.args)
        if (!argument.description) undescribed.push(`Query.${field.name}(${argument.name})`);
    }
    expect(undescribed).toEqual([]);
  });
});
