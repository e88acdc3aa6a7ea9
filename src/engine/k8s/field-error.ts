import type { Segment } from '../types';
import type { ErrorType } from '../finding-code';
import { FieldPath } from './field-path';

export type { ErrorType };

export interface FieldError {
  type: ErrorType;
  field: string;
  segments: Segment[];
  /** The error body after `<field>: `. */
  body: string;
}

/** `<field>: <body>`, as `field.Error.Error()` prints it. */
export function errorString(e: FieldError): string {
  return `${e.field}: ${e.body}`;
}

/** A value rendered as apimachinery does (read at v1.34): strings quoted, numbers and booleans bare, others as JSON. */
export function renderValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === undefined || v === null) return 'null';
  return JSON.stringify(v);
}

function make(type: ErrorType, path: FieldPath, body: string): FieldError {
  return { type, field: path.toString(), segments: [...path.segments], body };
}

const withDetail = (head: string, detail?: string) => (detail ? `${head}: ${detail}` : head);

export const required = (p: FieldPath, detail?: string) =>
  make('FieldValueRequired', p, withDetail('Required value', detail));

export const invalid = (p: FieldPath, value: unknown, detail?: string) =>
  make('FieldValueInvalid', p, withDetail(`Invalid value: ${renderValue(value)}`, detail));

export const typeInvalid = (p: FieldPath, value: unknown, detail?: string) =>
  make('FieldValueTypeInvalid', p, withDetail(`Invalid value: ${renderValue(value)}`, detail));

export const notSupported = (p: FieldPath, value: unknown, supported: readonly string[]) =>
  make(
    'FieldValueNotSupported',
    p,
    `Unsupported value: ${renderValue(value)}` +
      (supported.length ? `: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : ''),
  );

export const duplicate = (p: FieldPath, value: unknown) =>
  make('FieldValueDuplicate', p, `Duplicate value: ${renderValue(value)}`);

export const notFound = (p: FieldPath, value: unknown, detail?: string) =>
  make('FieldValueNotFound', p, withDetail(`Not found: ${renderValue(value)}`, detail));

export const forbidden = (p: FieldPath, detail: string) => make('FieldValueForbidden', p, `Forbidden: ${detail}`);

export const tooLong = (p: FieldPath, max: number) =>
  make('FieldValueTooLong', p, `Too long: may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`);

export const tooMany = (p: FieldPath, actual: number, max: number) =>
  make('FieldValueTooMany', p, `Too many: ${actual}: must have at most ${max} ${max === 1 ? 'item' : 'items'}`);

/** field.Invalid with field.OmitValueType{}: the body names no value (`Invalid value: <detail>`). */
export const invalidOmitValue = (p: FieldPath, detail: string) =>
  make('FieldValueInvalid', p, `Invalid value: ${detail}`);
