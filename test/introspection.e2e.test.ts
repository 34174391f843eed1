import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { Neo4jGateway } from '../src/db/gateway';
import { MAX_OF_TYPE_DEPTH, MAX_TYPE_FIELDS } from '../src/graphql/introspection-bounds';
import { openTestGraph } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';

// What Apollo Sandbox, GraphiQL, GraphQL Code Generator, graphql-inspector and Postman send to
// load the schema: it answers wherever introspection is on, and hostile variants are refused.

let gateway: Neo4jGateway;
let production: TestHttpServer;
let explorable: TestHttpServer;

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  production = await listenHttp({ ...graph.config, env: 'production', introspection: false }, gateway);
  explorable = await listenHttp({ ...graph.config, env: 'production', introspection: true }, gateway);
});

afterAll(async () => {
  await production.close();
  await explorable.close();
  await gateway.close();
});

interface Answer {
  status: number;
  body: {
    data?: IntrospectionQuery | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: { cost?: { requested: number } };
  };
}

async function post(server: TestHttpServer, query: string): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const EVERY_OPTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

const committedSchema = () =>
  printSchema(
    lexicographicSortSchema(buildSchema(readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'))),
  );

describe('with introspection on', () => {
  it('answers getIntrospectionQuery() with every option on, and the schema is the committed one', async () => {
    const answer = await post(explorable, EVERY_OPTION);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    const schema = buildClientSchema(answer.body.data!);
    expect(printSchema(lexicographicSortSchema(schema))).toBe(committedSchema());
  });

  it('answers getIntrospectionQuery() with its defaults, and prices it as one request', async () => {
    const answer = await post(explorable, getIntrospectionQuery());
    expect(answer.status).toBe(200);
    expect(answer.body.data?.__schema.queryType.name).toBe('Query');
    expect(answer.body.extensions?.cost?.requested).toBe(1);
  });

  it('refuses __schema asked for twice, by aliases or through fragments', async () => {
    const aliased = await post(explorable, '{ a: __schema { queryType { name } } b: __schema { queryType { name } } }');
    const viaFragments = await post(
      explorable,
      '{ ...A ...B } fragment A on Query { __schema { queryType { name } } } fragment B on Query { again: __schema { types { name } } }',
    );
    for (const answer of [aliased, viaFragments]) {
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors?.[0]).toMatchObject({
        message: 'The operation asks for __schema 2 times; once is the limit.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
  });

  it(`refuses more than ${MAX_TYPE_FIELDS} __type fields`, async () => {
    const many = Array.from({ length: MAX_TYPE_FIELDS + 1 }, (_, i) => `t${i}: __type(name: "Paper") { name }`);
    const answer = await post(explorable, `{ ${many.join(' ')} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toBe(
      `The operation asks for __type ${MAX_TYPE_FIELDS + 1} times; the limit is ${MAX_TYPE_FIELDS}.`,
    );
    const allowed = await post(explorable, `{ ${many.slice(1).join(' ')} }`);
    expect(allowed.body.errors).toBeUndefined();
  });

  it('refuses an ofType chain 30 deep, and one a step over the limit, but not the standard one', async () => {
    // Under __schema, where the depth limit does not look (the standard query is 13 deep).
    const chain = (depth: number) =>
      `{ __schema { types { fields { type { ${'ofType { '.repeat(depth)}name${' }'.repeat(depth)} } } } } }`;
    for (const depth of [30, MAX_OF_TYPE_DEPTH + 1]) {
      const answer = await post(explorable, chain(depth));
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]).toMatchObject({
        message: `The operation nests ofType more than ${MAX_OF_TYPE_DEPTH} deep; the limit is ${MAX_OF_TYPE_DEPTH}.`,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
    expect((await post(explorable, chain(MAX_OF_TYPE_DEPTH))).body.errors).toBeUndefined();
  });

  it('refuses an ofType chain built from nested fragments', async () => {
    const fragments = Array.from(
      { length: 12 },
      (_, i) => `fragment F${i} on __Type { ofType { ${i < 11 ? `...F${i + 1}` : 'name'} } }`,
    );
    const answer = await post(explorable, `{ __schema { types { ...F0 } } } ${fragments.join(' ')}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/nests ofType more than 10 deep/);
  });
});

describe('in production with introspection off', () => {
  it('refuses the standard introspection query, as before', async () => {
    const answer = await post(production, EVERY_OPTION);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(answer.body.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });

  it('serves no explorer: /explorer and / are JSON 404s', async () => {
    for (const where of ['/', '/explorer', '/explorer/assets/graphiql.min.js']) {
      const response = await fetch(`${production.baseUrl}${where}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
  });
});
