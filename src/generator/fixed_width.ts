/**
 * Fixed-width report lines: text placed at printed columns of a 133-column line (column 1 is
 * the carriage-control column), numbers right-aligned on their column's right edge.
 *
 * Techniques: a character array per line; every placement is checked, so text that would
 * overlap or touch other text, or run past column 133, throws instead of silently producing
 * a line a parser would misread; amounts print through `money.ts` (digits end on the right
 * edge, a `DB`/`CR` suffix goes in the two columns after it, layout notes §1).
 *
 * @example
 * ```ts
 * import { Line } from "./fixed_width.ts";
 * new Line().put(5, "TOTAL ISSUER").count(51, 12_388n).signed(129, -139390735n).toString();
 * // "    TOTAL ISSUER      …      12,388 …      1,393,907.35DB  " (133 columns)
 * ```
 *
 * @module
 */

import { grouped, reportAmount, reportSigned } from "./money.ts";

/** Print width including the carriage-control column. */
export const WIDTH = 133;

/** A blank 133-column line. */
export const BLANK: string = " ".repeat(WIDTH);

/** One report line addressed by 1-based print columns. */
export class Line {
  readonly #cells: string[] = new Array<string>(WIDTH).fill(" ");

  /** Writes `text` with its first character in column `col`. */
  put(col: number, text: string): this {
    const start = col - 1;
    const end = start + text.length;
    if (start < 0 || end > WIDTH) {
      throw new RangeError(`"${text}" at column ${col} does not fit in ${WIDTH} columns`);
    }
    const cells = this.#cells;
    for (let i = start; i < end; i++) {
      if (cells[i] !== " ") throw new Error(`"${text}" at column ${col} overlaps other text`);
    }
    if ((start > 0 && cells[start - 1] !== " ") || (end < WIDTH && cells[end] !== " ")) {
      throw new Error(`"${text}" at column ${col} touches other text`);
    }
    for (let i = start; i < end; i++) cells[i] = text[i - start];
    return this;
  }

  /** Writes `text` with its last character in column `re`. */
  right(re: number, text: string): this {
    return this.put(re - text.length + 1, text);
  }

  /** A signed amount (CR positive, DB negative) whose digits end in `re`. */
  signed(re: number, cents: bigint): this {
    return this.right(cents === 0n ? re : re + 2, reportSigned(cents));
  }

  /** An unsigned amount whose digits end in `re`. */
  amount(re: number, cents: bigint): this {
    return this.right(re, reportAmount(cents));
  }

  /** An unsigned amount, or nothing when it is zero. */
  amountIfAny(re: number, cents: bigint): this {
    return cents === 0n ? this : this.amount(re, cents);
  }

  /** A count whose last digit is in `re`. */
  count(re: number, n: bigint | number): this {
    return this.right(re, grouped(n));
  }

  /** The 133-column text. */
  toString(): string {
    return this.#cells.join("");
  }
}

/** A 133-column line holding `text` from column `col`. */
export function textLine(col: number, text: string): string {
  return new Line().put(col, text).toString();
}

/** Column-header lines given as printed (column 1 blank), padded to 133 columns. */
export function padLines(lines: readonly string[]): string[] {
  return lines.map((l) => {
    if (l.length > WIDTH) throw new RangeError(`column header wider than ${WIDTH}: "${l}"`);
    return l.padEnd(WIDTH);
  });
}
