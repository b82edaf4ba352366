/**
 * Test helper: reads a generated EP747 file and its clearing files on their own terms (not
 * through the product's readers), for the generator's consistency and format tests.
 *
 * - {@linkcode readPages}: splits the text into pages at form feeds / `REPORT ID:` lines and
 *   reads the header fields with regexes.
 * - {@linkcode valuesByEnd}: the value tokens of a line keyed by the column of their last
 *   digit (the layout notes' right edges), amounts as signed BigInt cents.
 * - {@linkcode readClearing}: parses clearing JSON with `JSON.parse`, keeping every number's
 *   source text (reviver `context.source`), so sums are exact BigInts.
 *
 * @module
 */

/** One page of the EP747 text. */
export interface TextPage {
  reportId: string;
  page: number;
  entityId: string;
  currency: string | null;
  /** The page's lines, a leading form feed removed, `REPORT ID` line normalised to column 2. */
  lines: string[];
  /** 1-based line number of the `REPORT ID:` line. */
  lineNo: number;
  formB: boolean;
}

/** Splits EP747 text into pages. */
export function readPages(text: string): TextPage[] {
  const raw = text.split(/\r?\n/);
  if (raw.at(-1) === "") raw.pop();
  const pages: TextPage[] = [];
  let current: TextPage | null = null;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    if (line === "\f") continue;
    const start = /^\f?\s?REPORT ID:/.test(line);
    if (start) {
      const normal = line.startsWith("\f")
        ? " " + line.slice(1)
        : line.startsWith("REPORT")
        ? " " + line
        : line;
      current = {
        reportId: /REPORT ID:\s+(\S+)/.exec(line)![1],
        page: Number(/PAGE:\s+(\d+)/.exec(line)![1]),
        entityId: "",
        currency: null,
        lines: [normal],
        lineNo: i + 1,
        formB: raw[i - 1] === "\f",
      };
      pages.push(current);
    } else if (current) current.lines.push(line);
  }
  for (const p of pages) {
    p.entityId = /REPORTING FOR:\s+(\d{10})/.exec(p.lines[1] ?? "")?.[1] ?? "";
    p.currency = /SETTLEMENT CURRENCY:\s+([A-Z]{3})/.exec(p.lines[5] ?? "")?.[1] ?? null;
  }
  return pages;
}

/** Signed cents of a printed amount (`1,234.56DB` → -123456n), or a count as BigInt. */
export function printedNumber(token: string): bigint {
  const m = /^([\d,]+)(?:\.(\d{2}))?(DB|CR)?$/.exec(token);
  if (!m) throw new RangeError(`not a number: ${token}`);
  const value = BigInt(m[1].replaceAll(",", "") + (m[2] ?? ""));
  return m[3] === "DB" ? -value : value;
}

/** A line's numeric tokens (amounts in cents, counts) by the column of their last digit. */
export function valuesByEnd(line: string): Map<number, bigint> {
  const out = new Map<number, bigint>();
  for (const m of line.matchAll(/\S+/g)) {
    const word = m[0];
    if (!/^[\d,]+(\.\d{2})?(DB|CR)?$/.test(word) || m.index! + 1 < 20) continue;
    const digitsEnd = m.index! + word.replace(/(DB|CR)$/, "").length;
    out.set(digitsEnd, printedNumber(word));
  }
  return out;
}

/** The label of a line: its text left of column `until`, trimmed. */
export function labelOf(line: string, until = 40): string {
  return line.slice(0, until - 1).trim();
}

/** Parses a decimal text to integer units of `scale` decimals: ("21.000000", 6) → 21000000n. */
export function units(text: string, scale: number): bigint {
  const [int, frac = ""] = text.split(".");
  if (frac.length > scale) throw new RangeError(`${text} has more than ${scale} decimals`);
  return BigInt(int + frac.padEnd(scale, "0"));
}

/** A clearing record with every number as its source text. */
export type RawRecord = Record<string, string | null>;

/** Parses a clearing file, numbers kept as their source text. */
export function readClearing(text: string): RawRecord[] {
  return JSON.parse(
    text,
    function (_key, value, context?: { source?: string }) {
      return typeof value === "number" ? context?.source ?? String(value) : value;
    } as (this: unknown, key: string, value: unknown) => unknown,
  );
}
