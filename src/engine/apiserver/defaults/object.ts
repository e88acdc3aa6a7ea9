// Defaulting runs on the decoded document before it is validated, so its fields may hold any JSON value. These
// helpers read and fill such loosely-typed objects without assuming their shape.

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object at `o[key]`, or undefined when it is absent or not an object. */
export const child = (o: Obj, key: string): Obj | undefined => (isObj(o[key]) ? (o[key] as Obj) : undefined);

/** The objects of the list at `o[key]` (entries that are not objects are skipped). */
export const items = (o: Obj, key: string): Obj[] => (Array.isArray(o[key]) ? (o[key] as unknown[]).filter(isObj) : []);

/** Sets `o[key]` when it is absent, null or "" (Go's zero value for strings and nil pointers). */
export function fill(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null || o[key] === '') o[key] = value;
}

/** Sets `o[key]` when absent or null (a nil pointer: an explicit "" or 0 stays). */
export function fillNil(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

/** Sets `o[key]` when absent, null or 0 (the zero value of an integer field). */
export function fillNumber(o: Obj, key: string, value: number): void {
  if (o[key] === undefined || o[key] === null || o[key] === 0) o[key] = value;
}

/** The object at `o[key]`, created empty when absent. */
export function ensure(o: Obj, key: string): Obj {
  if (!isObj(o[key])) o[key] = {};
  return o[key] as Obj;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
