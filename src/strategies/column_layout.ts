/**
 * Column layout of a report body: where each value column ends, found from the page's
 * own column-header lines, and the assignment of a line's value tokens to columns.
 *
 * Techniques (layout notes §4.5): header phrases that overlap horizontally are stacked
 * words of one column, and the column's anchor is their rightmost end; when a line has
 * exactly as many tokens as columns they are taken left to right, otherwise each goes to
 * the nearest anchor within a tolerance. Banners (`---CREDITS---`, `***…***`) are not
 * columns. Anything that cannot be placed is an error, never a guess.
 *
 * @example
 * ```ts
 * import { columnAnchors } from "./column_layout.ts";
 * columnAnchors(["        CREDIT", " COUNT  AMOUNT"]); // [6, 14]
 * ```
 *
 * @module
 */

import type { ValueKind, ValueToken } from "./value_tokens.ts";

/** A value column a strategy declares. */
export interface ColumnSpec {
  /** Column name as stored in `amounts.columns` (snake_case), e.g. `credit_amount`. */
  name: string;
  /** What the column holds. */
  kind: ValueKind;
  /** Right edge (last digit, 1-based column) in the reference layout; used without headers. */
  rightEdge: number;
  /** Typed `amounts` column this value also fills, if any. */
  field?: "count" | "credit_amount" | "debit_amount" | "total_amount" | "row_date";
}

/** How far (in columns) a token may end from its column's anchor. */
export const ANCHOR_TOLERANCE = 8;

interface Span {
  start: number;
  end: number;
  /** The header phrases in this span with their line index. */
  parts: { line: number; start: number; text: string }[];
}

const BANNER = /^[-*]{3,}|[-*]{3,}$/;

/** Phrases (runs of words separated by single blanks) of a header line, with 1-based spans. */
function phrases(line: string, index: number): Span[] {
  const spans: Span[] = [];
  const pattern = /\S+(?: \S+)*/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (BANNER.test(match[0])) continue;
    const start = match.index + 1;
    spans.push({
      start,
      end: match.index + match[0].length,
      parts: [{ line: index, start, text: match[0] }],
    });
  }
  return spans;
}

/** One column named by the column-header lines: its span and its stacked header phrases. */
export interface HeaderColumn {
  /** 1-based column of the leftmost header character. */
  start: number;
  /** 1-based column of the rightmost header character: the column's anchor. */
  end: number;
  /** The phrases stacked over the column, top to bottom (`["CREDIT", "AMOUNT"]`). */
  texts: string[];
}

/** The columns named by stacked header lines, left to right (ordered by their right ends). */
export function headerColumns(headerLines: readonly string[]): HeaderColumn[] {
  const clusters: Span[] = [];
  for (const span of headerLines.flatMap((line, index) => phrases(line, index))) {
    const overlapping = clusters.filter((c) => c.start <= span.end && span.start <= c.end);
    const merged = overlapping.reduce(
      (acc, c) => ({
        start: Math.min(acc.start, c.start),
        end: Math.max(acc.end, c.end),
        parts: [...acc.parts, ...c.parts],
      }),
      span,
    );
    for (const c of overlapping) clusters.splice(clusters.indexOf(c), 1);
    clusters.push(merged);
  }
  return clusters
    .sort((a, b) => a.end - b.end)
    .map((c) => ({
      start: c.start,
      end: c.end,
      texts: c.parts
        .sort((a, b) => a.line - b.line || a.start - b.start)
        .map((p) => p.text),
    }));
}

/** Right edges of the columns named by stacked header lines, left to right. */
export function columnAnchors(headerLines: readonly string[]): number[] {
  return headerColumns(headerLines).map((c) => c.end);
}

/** Why a token could not be placed. */
export class ColumnAssignmentError extends Error {
  constructor(readonly token: ValueToken, message: string) {
    super(message);
    this.name = "ColumnAssignmentError";
  }
}

/**
 * Places `tokens` on the columns whose right edges are `anchors`: a full row within twice
 * the tolerance is taken left to right, otherwise each token goes to the nearest free
 * column within the tolerance that `accepts` it. `noColumn` words the error.
 */
function placeTokens(
  tokens: readonly ValueToken[],
  anchors: readonly number[],
  accepts: (token: ValueToken, column: number) => boolean,
  noColumn: (token: ValueToken) => string,
): Map<number, ValueToken> {
  const result = new Map<number, ValueToken>();
  if (
    tokens.length === anchors.length &&
    tokens.every((t, i) => accepts(t, i)) &&
    tokens.every((t, i) => Math.abs(t.end - anchors[i]) <= ANCHOR_TOLERANCE * 2)
  ) {
    tokens.forEach((t, i) => result.set(i, t));
    return result;
  }
  for (const token of tokens) {
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    anchors.forEach((anchor, i) => {
      if (!accepts(token, i) || result.has(i)) return;
      const distance = Math.abs(token.end - anchor);
      if (distance <= ANCHOR_TOLERANCE && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    });
    if (best === -1) throw new ColumnAssignmentError(token, noColumn(token));
    result.set(best, token);
  }
  return result;
}

/**
 * Assigns `tokens` to `columns` whose right edges are `anchors` (same length and order).
 * Returns a map from column index to token.
 *
 * @throws {ColumnAssignmentError} when a token fits no free column of its kind.
 */
export function assignTokens(
  tokens: readonly ValueToken[],
  columns: readonly ColumnSpec[],
  anchors: readonly number[],
): Map<number, ValueToken> {
  return placeTokens(
    tokens,
    anchors,
    (token, i) => token.kind === columns[i].kind,
    (token) =>
      `value "${token.text}" ending at column ${token.end} matches no ${token.kind} column ` +
      `(columns end at ${anchors.join(", ")})`,
  );
}

/**
 * Places tokens by anchors whatever their kind (pages read by their own column headers).
 *
 * @throws {ColumnAssignmentError} when a token fits no column.
 */
export function assignByAnchors(
  tokens: readonly ValueToken[],
  anchors: readonly number[],
): Map<number, ValueToken> {
  return placeTokens(
    tokens,
    anchors,
    () => true,
    (token) =>
      `value "${token.text}" ending at column ${token.end} matches no column ` +
      `(the page's column headers end at ${anchors.join(", ") || "no column"})`,
  );
}
