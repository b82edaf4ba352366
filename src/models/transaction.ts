/**
 * Schema of one Visa clearing record and its conversion to a database row.
 *
 * The input is a record as returned by {@linkcode parseExactJson} (numbers are
 * {@linkcode JsonNumber}s holding their exact source text). Every value of the resulting
 * {@linkcode TransactionRow} is text that PostgreSQL casts to the column type, so money never
 * passes through a JS float: decimals are checked against their column's scale
 * (`NUMERIC(18,2)` or `NUMERIC(18,6)`) and kept digit for digit, and a value with too many
 * fractional digits is rejected, never rounded. Field reference: `docs/vss-reports.md` §6.
 *
 * Techniques: one zod 4 object schema built once at module load, where each field is a
 * `z.unknown().transform()` that checks and converts in one step with regexes and char-code
 * tests and reports a plain-English issue (`expected a date YYYY-MM-DD, got "2024-13-01"`);
 * the first failing field in file order becomes a {@linkcode RecordValidationError}. Keys
 * outside the 47 known fields are kept in `extra`. A full card number is never kept:
 * {@linkcode maskPan} masks `pan`, the other free-text code fields and every string or number
 * in `extra`, but never the ids `arn`, `slice_code`, `cardbrandid` and `externalid` (ids can
 * pass the Luhn check by chance, like the sample slice_code `384185377843581`).
 *
 * @example
 * ```ts
 * import { parseExactJson } from "../reader/exact_json.ts";
 * import { toTransactionRow } from "./transaction.ts";
 * const row = toTransactionRow(parseExactJson(recordText), { file: "a.json", record: 0 });
 * row.clearing_value; // "21.000000"
 * ```
 *
 * @module
 */

import { z } from "zod";
import { JsonNumber } from "../reader/exact_json.ts";
import { maskPan } from "../utils/pan_mask.ts";
import { RecordValidationError } from "./errors.ts";

/** The 47 fields of a clearing record, in file order (§6). */
export const CLEARING_FIELDS = [
  "source",
  "source_date",
  "dest_currency",
  "arn",
  "slice_code",
  "cardbrandid",
  "externalid",
  "local_date",
  "authorization_date",
  "purchase_value",
  "clearing_debit",
  "installment_nbr",
  "clearing_installment",
  "installment_value_1",
  "installment_value_n",
  "clearing_value",
  "issuer_exchange_rate",
  "clearing_commission",
  "clearing_interchange_fee_sign",
  "qualifier",
  "bin_card",
  "acquirer_id",
  "mcc",
  "dest_value",
  "boarding_fee",
  "status",
  "operation_type",
  "cdt_amount",
  "product_code",
  "operation_code",
  "reason_code",
  "pan",
  "late_presentation",
  "entry_mode",
  "pos_entry_mode",
  "clearing_files_row_id",
  "clearing_currency",
  "clearing_boarding_fee",
  "clearing_settlement_date",
  "clearing_presentation",
  "clearing_action_code",
  "clearing_total_partial_transaction",
  "clearing_flag_partial_settlement",
  "clearing_cancel",
  "clearing_confirm",
  "clearing_add",
  "clearing_credit",
] as const;

/** One of the 47 clearing field names. */
export type ClearingField = typeof CLEARING_FIELDS[number];

/** Largest number of integer digits accepted in a decimal (NUMERIC(18,6) leaves 12). */
export const MAX_INTEGER_DIGITS = 12;

/** Largest number of digits accepted in an integer field (fits a PostgreSQL BIGINT). */
export const MAX_INT_FIELD_DIGITS = 18;

/** Renders a value for an error message: strings quoted, numbers as their source text. */
function describe(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (value instanceof JsonNumber) return value.source;
  if (typeof value === "string") {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return String(value);
}

/** Context of a zod transform, reduced to what the field checks use. */
type IssueSink = { issues: { push(issue: z.core.$ZodRawIssue): unknown } };

/** Reports a failed check of `value` on the transform context and returns `z.NEVER`. */
function fail(ctx: IssueSink, expected: string, value: unknown): never {
  ctx.issues.push({
    code: "custom",
    message: `expected ${expected}, got ${describe(value)}`,
    input: value,
  });
  return z.NEVER;
}

// --- dates ---------------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `text` is a real calendar date `YYYY-MM-DD` (Gregorian, year 0001-9999). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

const EXPECTED_DATE = "a date YYYY-MM-DD";

/** A required calendar date, output as `"YYYY-MM-DD"`. */
const date = () =>
  z.unknown().transform((v, ctx): string =>
    typeof v === "string" && isCalendarDate(v) ? v : fail(ctx, EXPECTED_DATE, v)
  );

/** A calendar date or `null`. */
const nullableDate = () =>
  z.unknown().transform((v, ctx): string | null => {
    if (v === null) return null;
    if (typeof v === "string" && isCalendarDate(v)) return v;
    return fail(ctx, `${EXPECTED_DATE} or null`, v);
  });

// --- decimals ------------------------------------------------------------------------------

/** A plain decimal: optional `-`, integer digits, optional fraction. No exponent, no `+`. */
const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Checks a decimal's text against a scale and returns it canonical (leading zeros of the
 * integer part removed, digits otherwise unchanged), or the reason it is rejected.
 */
export function checkDecimal(text: string, scale: number): { value: string } | { error: string } {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) {
    return {
      error: /^-?\d+(\.\d+)?[eE][+-]?\d+$/.test(text)
        ? "a plain decimal without exponent"
        : "a decimal number",
    };
  }
  let int = m[2];
  const frac = m[3];
  if (frac !== undefined && frac.length > scale) {
    return { error: `a decimal with at most ${scale} fractional digits` };
  }
  if (int.length > 1 && int.charCodeAt(0) === 0x30) int = int.replace(/^0+(?=\d)/, "");
  if (int.length > MAX_INTEGER_DIGITS) {
    return { error: `a decimal with at most ${MAX_INTEGER_DIGITS} integer digits` };
  }
  return { value: int === m[2] ? text : `${m[1]}${int}${frac === undefined ? "" : `.${frac}`}` };
}

/** Fast path for the common case: a JSON number that is already a canonical plain decimal. */
function canonicalFast(text: string, scale: number): boolean {
  const n = text.length;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const intStart = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  const intLen = i - intStart;
  if (intLen === 0 || intLen > MAX_INTEGER_DIGITS) return false;
  if (intLen > 1 && text.charCodeAt(intStart) === 0x30) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 0x2e) return false;
  const fracStart = ++i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
    i++;
  }
  const fracLen = n - fracStart;
  return fracLen > 0 && fracLen <= scale;
}

/** A decimal of `NUMERIC(18, scale)`: a JSON number or a string holding a plain decimal. */
const decimal = (scale: number) =>
  z.unknown().transform((v, ctx): string => {
    let text: string;
    if (v instanceof JsonNumber) text = v.source;
    else if (typeof v === "string") text = v;
    else return fail(ctx, `a decimal number with at most ${scale} decimals`, v);
    if (canonicalFast(text, scale)) return text;
    const checked = checkDecimal(text, scale);
    return "value" in checked ? checked.value : fail(ctx, checked.error, v);
  });

// --- integers ------------------------------------------------------------------------------

const INTEGER = new RegExp(`^-?\\d{1,${MAX_INT_FIELD_DIGITS}}$`);

/** An integer JSON number (at most 18 digits), output as its digit string. */
const integer = () =>
  z.unknown().transform((v, ctx): string =>
    v instanceof JsonNumber && INTEGER.test(v.source)
      ? v.source
      : fail(ctx, `an integer number (at most ${MAX_INT_FIELD_DIGITS} digits)`, v)
  );

/** A 0/1 flag, output as `"0"` or `"1"`. */
const flag = () =>
  z.unknown().transform((v, ctx): string => {
    if (v instanceof JsonNumber && (v.source === "0" || v.source === "1")) return v.source;
    return fail(ctx, "the flag 0 or 1", v);
  });

// --- text ----------------------------------------------------------------------------------

/** A JSON string; `allowEmpty` allows `""`; `mask` passes it through {@linkcode maskPan}. */
const text = (opts: { allowEmpty: boolean; mask: boolean }) =>
  z.unknown().transform((v, ctx): string => {
    if (typeof v !== "string") return fail(ctx, "a string", v);
    if (v === "" && !opts.allowEmpty) return fail(ctx, "a non-empty string", v);
    return opts.mask ? maskPan(v) : v;
  });

/** An id (never masked: ids such as `slice_code` can pass the Luhn check by chance). */
const id = () => text({ allowEmpty: true, mask: false });
/** A code or free text; masked in case it holds a card number. */
const code = () => text({ allowEmpty: true, mask: true });

/** One of the given strings. */
const oneOf = (...values: string[]) =>
  z.unknown().transform((v, ctx): string =>
    typeof v === "string" && values.includes(v)
      ? v
      : fail(ctx, values.map((x) => JSON.stringify(x)).join(" or "), v)
  );

// --- the record ----------------------------------------------------------------------------

const MONEY_2 = 2;
const MONEY_6 = 6;

/** Output of a field: text, except `authorization_date`, which may be `null`. */
export type FieldOutput<K extends ClearingField> = K extends "authorization_date" ? string | null
  : string;

/** A field's schema: any parsed JSON value in, checked text out. */
export type FieldSchema<Out> = z.ZodPipe<z.ZodUnknown, z.ZodTransform<Out, unknown>>;

/** The shape of {@linkcode ClearingRecordSchema}: one field schema per clearing field. */
export type ClearingRecordShape = { [K in ClearingField]: FieldSchema<FieldOutput<K>> };

/**
 * The zod 4 schema of one clearing record (as parsed by {@linkcode parseExactJson}). It
 * checks the 47 known fields and outputs them as text; unknown keys are stripped (use
 * {@linkcode toTransactionRow} to keep them in `extra`).
 */
export const ClearingRecordSchema: z.ZodObject<ClearingRecordShape> = z.object({
  source: text({ allowEmpty: false, mask: false }),
  source_date: date(),
  dest_currency: integer(),
  arn: id(),
  slice_code: id(),
  cardbrandid: id(),
  externalid: id(),
  local_date: date(),
  authorization_date: nullableDate(),
  purchase_value: decimal(MONEY_2),
  clearing_debit: flag(),
  installment_nbr: integer(),
  clearing_installment: integer(),
  installment_value_1: decimal(MONEY_2),
  installment_value_n: decimal(MONEY_2),
  clearing_value: decimal(MONEY_6),
  issuer_exchange_rate: decimal(MONEY_6),
  clearing_commission: decimal(MONEY_6),
  clearing_interchange_fee_sign: oneOf("C", "D"),
  qualifier: code(),
  bin_card: code(),
  acquirer_id: integer(),
  mcc: integer(),
  dest_value: decimal(MONEY_2),
  boarding_fee: decimal(MONEY_6),
  status: integer(),
  operation_type: code(),
  cdt_amount: decimal(MONEY_2),
  product_code: code(),
  operation_code: code(),
  reason_code: code(),
  pan: code(),
  late_presentation: flag(),
  entry_mode: code(),
  pos_entry_mode: code(),
  clearing_files_row_id: integer(),
  clearing_currency: integer(),
  clearing_boarding_fee: decimal(MONEY_6),
  clearing_settlement_date: date(),
  clearing_presentation: integer(),
  clearing_action_code: integer(),
  clearing_total_partial_transaction: integer(),
  clearing_flag_partial_settlement: flag(),
  clearing_cancel: flag(),
  clearing_confirm: flag(),
  clearing_add: flag(),
  clearing_credit: flag(),
});

/** The 47 checked fields, as text (`authorization_date` may be `null`). */
export type ClearingRecord = { [K in ClearingField]: FieldOutput<K> };

/**
 * One clearing record ready for the `transactions` table: the 47 fields as text that
 * PostgreSQL casts (dates `YYYY-MM-DD`, exact decimals, integer digit strings), plus `extra`:
 * the keys outside the 47 (JSON numbers back as their source text, card numbers masked), or
 * `null` when there are none.
 */
export type TransactionRow = ClearingRecord & { extra: Record<string, unknown> | null };

const KNOWN_FIELDS: ReadonlySet<string> = new Set(CLEARING_FIELDS);
const FIELD_ORDER: ReadonlyMap<string, number> = new Map(CLEARING_FIELDS.map((f, i) => [f, i]));

/** Converts a value found in `extra`: numbers to source text, strings masked, recursively. */
function plainExtra(value: unknown): unknown {
  if (value instanceof JsonNumber) return maskPan(value.source);
  if (typeof value === "string") return maskPan(value);
  if (Array.isArray(value)) return value.map(plainExtra);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, plainExtra(v));
    return out;
  }
  return value;
}

/** Sets an own property, even one named `__proto__` (which plain assignment would not). */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}

/**
 * Validates one parsed clearing record and converts it to a {@linkcode TransactionRow}.
 *
 * @param value A record as returned by {@linkcode parseExactJson}.
 * @param location Where the record comes from (file, 0-based record index, optionally the
 * line where it starts), copied into the error location.
 * @returns The row; `transaction_type` is added later by the classifier.
 * @throws {RecordValidationError} naming the first failing field (in file order) in
 * `location.field`, with a plain-English reason; a value that is not a JSON object fails with
 * no field.
 *
 * @example
 * ```ts
 * import { parseExactJson } from "../reader/exact_json.ts";
 * import { toTransactionRow } from "./transaction.ts";
 * const text = await Deno.readTextFile("tests/fixtures/seed_clearing.json");
 * const [first] = parseExactJson(text) as unknown[];
 * const row = toTransactionRow(first, { file: "seed_clearing.json", record: 0 });
 * row.issuer_exchange_rate; // "5.809100"
 * row.extra; // null
 * ```
 */
export function toTransactionRow(
  value: unknown,
  location: { file?: string; record?: number; line?: number },
): TransactionRow {
  if (
    value === null || typeof value !== "object" || Array.isArray(value) ||
    value instanceof JsonNumber
  ) {
    throw new RecordValidationError(
      `expected a JSON object, got ${describe(value)}`,
      { ...location },
    );
  }
  const result = ClearingRecordSchema.safeParse(value);
  if (!result.success) {
    let first = result.error.issues[0];
    let firstOrder = Infinity;
    for (const issue of result.error.issues) {
      const order = FIELD_ORDER.get(String(issue.path[0])) ?? Infinity;
      if (order < firstOrder) {
        first = issue;
        firstOrder = order;
      }
    }
    const field = first.path.length > 0 ? String(first.path[0]) : undefined;
    throw new RecordValidationError(first.message, {
      ...location,
      ...(field !== undefined ? { field } : {}),
    });
  }
  let extra: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.has(key)) {
      extra ??= {};
      setOwn(extra, key, plainExtra((value as Record<string, unknown>)[key]));
    }
  }
  const row = result.data as TransactionRow;
  row.extra = extra;
  return row;
}
