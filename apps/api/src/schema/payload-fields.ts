import { z } from 'zod';
import { builder } from './builder.ts';

// GraphQL object types read from the registry's payload schemas, so a new notification type
// gets its typed details without API code. Money and instants carry a `scalar` mark in their
// schema (Decimal, DateTime); the stored JSON keeps them as text.

type Types = typeof builder.$inferSchemaTypes;
type Fields = Record<string, unknown>;
type Ref<Shape> = PothosSchemaTypes.ObjectRef<Types, Shape>;

interface Leaf {
  /** A GraphQL type name, or the object type of an array's elements. */
  type: string | Ref<Fields>;
  list: boolean;
  nullable: boolean;
  description: string | undefined;
  /** Turns the stored JSON value into what the scalar serializes. */
  read: (value: unknown) => unknown;
}

const same = (value: unknown) => value;
const toDate = (value: unknown) => (typeof value === 'string' ? new Date(value) : value);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Element types by name: two payloads may share an element schema, GraphQL gets one type. */
const elements = new Map<string, Ref<Fields>>();

function leaf(schema: z.ZodType, typeName: string, key: string): Leaf {
  let inner = schema;
  let nullable = false;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) {
    nullable = true;
    inner = inner.unwrap() as z.ZodType;
  }
  const description = schema.description ?? inner.description;
  const scalar = inner.meta()?.scalar;
  const base = { list: false, nullable, description, read: same };
  if (scalar === 'DateTime') return { ...base, type: 'DateTime', read: toDate };
  if (typeof scalar === 'string') return { ...base, type: scalar };
  if (inner instanceof z.ZodString) return { ...base, type: 'String' };
  if (inner instanceof z.ZodNumber) return { ...base, type: inner.isInt ? 'Int' : 'Float' };
  if (inner instanceof z.ZodBoolean) return { ...base, type: 'Boolean' };
  if (inner instanceof z.ZodArray && inner.element instanceof z.ZodObject) {
    const element = inner.element as z.ZodObject;
    const name = (element.meta()?.title as string | undefined) ?? `${typeName}${pascal(key)}`;
    const type = elements.get(name) ?? objectType<Fields>(name, element, element.description, (parent) => parent);
    elements.set(name, type);
    return { ...base, list: true, type };
  }
  throw new Error(`${typeName}.${key}: no GraphQL type for this payload field`);
}

/**
 * An object type with one field per schema key (the version `v` left out: it describes the
 * stored JSON, not the event). `fieldsOf` finds the schema's object in the parent value.
 */
export function objectType<Shape>(
  name: string,
  schema: z.ZodObject,
  description: string | undefined,
  fieldsOf: (parent: Shape) => Fields,
): Ref<Shape> {
  const leaves = Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([key]) => key !== 'v')
    .map(([key, field]) => [key, leaf(field, name, key)] as const);
  return builder.objectRef<Shape>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        leaves.map(([key, spec]) => [
          key,
          t.field({
            type: (spec.list ? [spec.type] : spec.type) as never,
            nullable: spec.nullable,
            description: spec.description,
            resolve: (parent) => spec.read(fieldsOf(parent)[key]) as never,
          }),
        ]),
      ),
  });
}
