import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { BadUserInputError } from '../errors';

/** The longest string any argument may hold, unless ARGUMENT_CAPS says less. */
export const MAX_STRING_LENGTH = 2000;
/** The most items any list argument may hold, unless ARGUMENT_CAPS says less. */
export const MAX_LIST_LENGTH = 100;

/**
 * Smaller caps of single arguments, by `Type.field.argument` (a test checks that each exists):
 * search text is sent to Lucene, where every word costs.
 */
export const ARGUMENT_CAPS: Readonly<Record<string, number>> = {
  'Query.search.query': 200,
  'Query.searchResults.query': 200,
  'Query.suggest.prefix': 100,
};

interface Violation {
  argument: string;
  message: string;
  maximum: number;
}

function checkValue(
  value: unknown,
  type: GraphQLInputType,
  at: string,
  cap: number | undefined,
  into: Violation[],
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value as unknown[];
    const maximum = cap ?? MAX_LIST_LENGTH;
    if (items.length > maximum) {
      into.push({ argument: at, maximum, message: `\`${at}\` has ${items.length} items; the limit is ${maximum}.` });
      return;
    }
    items.forEach((item, index) => checkValue(item, nullable.ofType, `${at}[${index}]`, undefined, into));
  } else if (isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkValue(inner, field.type, `${at}.${name}`, undefined, into);
    }
  } else if (isScalarType(nullable) && typeof value === 'string') {
    const maximum = cap ?? MAX_STRING_LENGTH;
    if (value.length > maximum) {
      into.push({
        argument: at,
        maximum,
        message: `\`${at}\` is ${value.length} characters long; the limit is ${maximum}.`,
      });
    }
  }
}

/**
 * Refuses an operation whose arguments (literals or coerced variables) hold a string or a list
 * longer than its cap, before any resolver runs: a long input must not reach a regular
 * expression, Lucene or Cypher. The error names the argument and the cap.
 */
export function checkInputCaps(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): void {
  const violations: Violation[] = [];
  const typeInfo = new TypeInfo(schema);
  let inOperation = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: {
        enter(node) {
          inOperation = !operationName || node.name?.value === operationName;
        },
      },
      FragmentDefinition: { enter: () => (inOperation = true) },
      Field(node) {
        const definition = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!inOperation || !definition || !parent || !node.arguments?.length) return;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(definition, node, variables);
        } catch {
          return; // an argument that does not fit its type: execution reports it
        }
        for (const argument of definition.args) {
          const cap = ARGUMENT_CAPS[`${parent.name}.${definition.name}.${argument.name}`];
          checkValue(values[argument.name], argument.type, `${definition.name}(${argument.name})`, cap, violations);
        }
      },
    }),
  );
  if (violations.length > 0) {
    const [first] = violations;
    throw new BadUserInputError(violations.map((violation) => violation.message).join(' '), {
      argument: first.argument,
      maximum: first.maximum,
      http: { status: 400 },
    });
  }
}

/** Whether `Type.field.argument` names an argument of the schema whose type holds text or a list. */
export function capTargetExists(schema: GraphQLSchema, key: string): boolean {
  const [typeName, fieldName, argumentName] = key.split('.');
  const type = schema.getType(typeName);
  if (!type || !('getFields' in type) || isInputObjectType(type)) return false;
  const argument = type.getFields()[fieldName]?.args.find((candidate) => candidate.name === argumentName);
  if (!argument) return false;
  const named = getNamedType(argument.type);
  return isListType(getNullableType(argument.type)) || (isScalarType(named) && named.name !== 'Int');
}
