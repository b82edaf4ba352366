/**
 * Lossless JSON parsing: every number keeps its exact source text.
 *
 * `JSON.parse` turns `21.000000` into the float `21`, losing the scale that a NUMERIC column
 * needs, and turns long integers into rounded floats. This module parses with the platform
 * `JSON.parse` and a reviver that reads the reviver's third argument, `context.source` (the
 * TC39 "JSON.parse source text access" feature, shipped in V8), so each number is replaced by
 * a {@linkcode JsonNumber} holding its literal text. Nothing goes through a JS float.
 *
 * @example
 * ```ts
 * import { JsonNumber, parseExactJson } from "./exact_json.ts";
 * const value = parseExactJson('{"clearing_value": 21.000000}') as Record<string, JsonNumber>;
 * value.clearing_value.source; // "21.000000"
 * ```
 *
 * @module
 */

/** A JSON number literal, kept as its exact source text (e.g. `"21.000000"`, `"1e5"`). */
export class JsonNumber {
  /**
   * Wraps a number literal.
   *
   * @param source The number literal exactly as written in the JSON text.
   */
  constructor(readonly source: string) {}

  /** Returns the source text, so string conversion never goes through a float. */
  toString(): string {
    return this.source;
  }
}

/** The third argument V8 passes to a `JSON.parse` reviver (not yet in TypeScript's lib). */
interface ReviverContext {
  /** Source text of a primitive value; absent for objects and arrays. */
  source?: string;
}

/** The reviver: numbers become {@linkcode JsonNumber}s, everything else is kept as is. */
function exactNumbers(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value !== "number") return value;
  const source = context?.source;
  if (source === undefined) {
    throw new TypeError(
      "this JavaScript engine does not pass the JSON.parse source text to revivers",
    );
  }
  return new JsonNumber(source);
}

/**
 * Parses JSON text like `JSON.parse`, except that every number becomes a
 * {@linkcode JsonNumber} with its exact source text.
 *
 * @param text JSON text.
 * @returns The parsed value: objects, arrays, strings, booleans, `null` and `JsonNumber`s.
 * @throws {SyntaxError} when `text` is not valid JSON (the caller wraps it in a typed error).
 *
 * @example
 * ```ts
 * import { parseExactJson } from "./exact_json.ts";
 * parseExactJson("[1.50, 2]"); // [JsonNumber { source: "1.50" }, JsonNumber { source: "2" }]
 * ```
 */
export function parseExactJson(text: string): unknown {
  return JSON.parse(text, exactNumbers as (this: unknown, key: string, value: unknown) => unknown);
}
