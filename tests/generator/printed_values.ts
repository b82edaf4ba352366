/**
 * Test helper: reads the values printed on a generated EP747 page independently of the
 * product's parser, so that the parser's output can be checked against them.
 *
 * A page's body starts after its `SETTLEMENT CURRENCY:` line (and a `CLEARING CURRENCY:`
 * line right after it). Every body line that is not a keyed line (`RECAP FOR:`, `CLEARING
 * CURRENCY:`, `BUSINESS MODE:` …) contributes its value tokens: amounts as exact decimal
 * text with their sign (`1,393,907.35DB` → `-1393907.35`), counts as integer text (`12,388`
 * → `12388`), in-row dates as ISO (`04JUL24` → `2024-07-04`). Labels of generated pages
 * never contain such tokens; VSS-100-W (a hierarchy list) has no amount lines.
 *
 * Techniques: whitespace tokenisation with three anchored regexes; a multiset compared as
 * sorted arrays.
 *
 * @module
 */

const AMOUNT = /^((?:\d{1,3}(?:,\d{3})*)|\d+)\.(\d{2})(DB|CR)?$/;
const COUNT = /^\d{1,3}(?:,\d{3})*$/;
const DATE = /^(\d{2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(\d{2})$/;
const MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
const KEYED = /^\s*[A-Z][A-Z /]*:/;

/** The canonical text of a printed value token, or null when the word is not a value. */
export function printedValue(word: string): string | null {
  const amount = AMOUNT.exec(word);
  if (amount) {
    const units = amount[1].replaceAll(",", "").replace(/^0+(?=\d)/, "");
    const text = `${units}.${amount[2]}`;
    return amount[3] === "DB" && /[1-9]/.test(text) ? `-${text}` : text;
  }
  if (COUNT.test(word)) return word.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  const date = DATE.exec(word);
  if (date) {
    const month = String(MONTHS.indexOf(date[2]) / 3 + 1).padStart(2, "0");
    return `20${date[3]}-${month}-${date[1]}`;
  }
  return null;
}

/** The index of a page's first body line. */
export function bodyStart(lines: readonly string[]): number {
  for (let i = 0; i < Math.min(lines.length, 9); i++) {
    if (/^\s?SETTLEMENT CURRENCY:/.test(lines[i])) {
      return /^\s?CLEARING CURRENCY:/.test(lines[i + 1] ?? "") ? i + 2 : i + 1;
    }
  }
  return Math.min(lines.length, 6);
}

/** The values printed on a page's amount lines, in order. */
export function printedValues(lines: readonly string[]): string[] {
  if (/REPORT ID:\s+VSS-100-W\b/.test(lines[0] ?? "")) return [];
  const values: string[] = [];
  for (const line of lines.slice(bodyStart(lines))) {
    if (KEYED.test(line) || line.includes("***")) continue;
    for (const word of line.trim().split(/\s+/)) {
      const value = printedValue(word);
      if (value !== null) values.push(value);
    }
  }
  return values;
}

/** What differs between two multisets: values only in `printed`, values only in `stored`. */
export function multisetDifference(
  printed: readonly string[],
  stored: readonly string[],
): { lost: string[]; invented: string[] } {
  const counts = new Map<string, number>();
  for (const v of printed) counts.set(v, (counts.get(v) ?? 0) + 1);
  const invented: string[] = [];
  for (const v of stored) {
    const n = counts.get(v) ?? 0;
    if (n > 0) counts.set(v, n - 1);
    else invented.push(v);
  }
  const lost = [...counts].flatMap(([v, n]) => Array<string>(n).fill(v));
  return { lost, invented };
}
