/**
 * Test data for the reconciliation: one settlement day in one currency, both sides consistent
 * — VSS-120 amount lines on the leaf, rollup and funds-transfer pages (the upper levels reprint
 * the leaf figures, as real files do) and one clearing transaction per counted item — written
 * straight into `reports`, `amounts` and `transactions`; plus the same day as EP747 text and
 * clearing JSON for tests that go through `ingest`.
 *
 * Techniques: money as integer cents (`bigint`) turned into decimal text, never a float; a
 * class's amount split over its transactions with the remainder on the last one; random
 * sha256 values so every call is a new file.
 *
 * @module
 */

import type { Sql } from "postgres";

/** Count and amount (cents, positive) of one class. */
export interface ClassFigure {
  count: number;
  cents: bigint;
}

/** One day in one currency. */
export interface DaySpec {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Alpha code of the settlement currency. */
  currency: string;
  /** Class → figure. */
  classes: Record<string, ClassFigure>;
  /** Leaf entities the figures are spread over. @default 1 */
  leaves?: number;
  /** Print the rollup and funds-transfer pages too. @default true */
  hierarchy?: boolean;
  /** A VSS-110 funds page with this NET SETTLEMENT AMOUNT (decimal text, DB negative). */
  vss110Net?: string;
}

/** ISO numeric codes of the alpha codes used in tests. */
export const NUMERIC: Record<string, number> = { BRL: 986, USD: 840, EUR: 978 };

/** Classes printed `DB` in VSS-120 CLEARING AMOUNT (the others print `CR`). */
const DEBIT_CLASSES = new Set(["COMPRA", "SAQUE", "REAPRESENTACAO", "REVERSO-DE-CHARGEBACK"]);

/** Cents as decimal text: `123456n` → `"1234.56"`. */
export function centsText(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/** Splits `total` cents into `count` positive parts (the remainder on the last). */
export function split(total: bigint, count: number): bigint[] {
  if (count === 0) return [];
  const base = total / BigInt(count);
  const parts = Array.from({ length: count }, () => base);
  parts[count - 1] += total - base * BigInt(count);
  return parts;
}

function sha(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)))
    .map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A new `ingest_files` row; its id. */
export async function insertFile(sql: Sql, kind: "ep747" | "clearing"): Promise<number> {
  const [row] = await sql`
    insert into ingest_files (path, kind, size_bytes, sha256, status)
    values (${`/test/${kind}-${crypto.randomUUID()}`}, ${kind}, 1, ${sha()}, 'completed')
    returning id::int as id`;
  return row.id;
}

/** A report page's header. */
export interface PageSpec {
  position: number;
  reportId?: string;
  reportingFor: string;
  rollupTo: string | null;
  funds: string | null;
  date: string;
  currency: string;
}

/** A new `reports` row; its id. */
export async function insertPage(sql: Sql, fileId: number, p: PageSpec): Promise<number> {
  const [row] = await sql`
    insert into reports (file_id, position, line_start, line_end, report_id, parsed, strategy,
      reporting_for, reporting_for_id, page, proc_date, rollup_to, rollup_to_id, report_date,
      funds_xfer_entity, funds_xfer_entity_id, settlement_currency, clearing_currency, raw)
    values (${fileId}, ${p.position}, ${p.position * 100}, ${p.position * 100 + 99},
      ${p.reportId ?? "VSS-120"}, true, 'test', ${`${p.reportingFor} ENTITY`}, ${p.reportingFor},
      ${p.position}, ${p.date}, ${p.rollupTo && `${p.rollupTo} GROUP`}, ${p.rollupTo}, ${p.date},
      ${p.funds && `${p.funds} FUNDS`}, ${p.funds}, ${p.currency}, ${p.currency}, 'raw page')
    returning id::int as id`;
  return row.id;
}

/** A VSS-120 amount line of a class (CLEARING AMOUNT signed as printed). */
export async function insertClassLine(
  sql: Sql,
  reportPk: number,
  lineNo: number,
  klass: string | null,
  figure: ClassFigure,
  options: { isTotal?: boolean; label?: string } = {},
): Promise<void> {
  const signed = klass !== null && !DEBIT_CLASSES.has(klass) ? figure.cents : -figure.cents;
  const amount = centsText(signed);
  const columns = { count: String(figure.count), clearing_amount: amount };
  await sql`
    insert into amounts (report_pk, line_no, section, label, is_total, count, columns,
      transaction_class, raw_line)
    values (${reportPk}, ${lineNo}, 'ISSUER TRANSACTIONS - PURCHASE',
      ${options.label ?? klass ?? "ORIGINAL"}, ${options.isTotal ?? false}, ${figure.count},
      ${sql.json(columns)}, ${klass}, 'raw line')`;
}

/** A VSS-110 NET SETTLEMENT AMOUNT line. */
export async function insertNetSettlementLine(
  sql: Sql,
  reportPk: number,
  amount: string,
): Promise<void> {
  await sql`
    insert into amounts (report_pk, line_no, section, label, is_total, total_amount, columns,
      raw_line)
    values (${reportPk}, 1, 'TOTAL', 'NET SETTLEMENT AMOUNT', true, ${amount},
      ${sql.json({ total_amount: amount })}, 'raw line')`;
}

/** One clearing transaction. */
export interface TransactionSpec {
  fileId: number;
  recordIndex: number;
  date: string;
  destCurrency: number | null;
  type: string;
  destValue: string;
}

/** A new `transactions` row; its id. */
export async function insertTransaction(sql: Sql, t: TransactionSpec): Promise<number> {
  const [row] = await sql`
    insert into transactions (file_id, record_index, transaction_type, source, source_date,
      dest_currency, dest_value, clearing_value)
    values (${t.fileId}, ${t.recordIndex}, ${t.type}, 'VISA', ${t.date}, ${t.destCurrency},
      ${t.destValue}, ${t.destValue})
    returning id::int as id`;
  return row.id;
}

/** What {@link seedDay} wrote. */
export interface SeededDay {
  reportFileId: number;
  clearingFileId: number;
  /** Transaction ids by class, in insertion order. */
  transactions: Record<string, number[]>;
  /** Leaf page ids. */
  leafPages: number[];
}

/**
 * Writes a consistent day: a report file whose VSS-120 pages (leaves, then the rollup and the
 * funds-transfer entity unless `hierarchy` is false) print the figures, and a clearing file
 * with one transaction per counted item.
 */
export async function seedDay(sql: Sql, day: DaySpec): Promise<SeededDay> {
  const leaves = day.leaves ?? 1;
  const hierarchy = day.hierarchy ?? true;
  const reportFileId = await insertFile(sql, "ep747");
  const clearingFileId = await insertFile(sql, "clearing");
  const base = 1_000_000_000 + Math.floor(Math.random() * 8_000_000_000);
  const funds = String(base);
  const rollup = String(base + 10_000);
  const classes = Object.entries(day.classes);
  let position = 1;
  const leafPages: number[] = [];
  // Each leaf gets an equal share of every class (remainders on the last leaf).
  const shares = classes.map(([klass, f]) => ({
    klass,
    counts: split(BigInt(f.count), leaves).map(Number),
    cents: split(f.cents, leaves),
  }));
  for (let leaf = 0; leaf < leaves; leaf++) {
    const page = await insertPage(sql, reportFileId, {
      position: position++,
      reportingFor: String(base + 10_001 + leaf),
      rollupTo: hierarchy ? rollup : null,
      funds: hierarchy ? funds : null,
      date: day.date,
      currency: day.currency,
    });
    leafPages.push(page);
    let line = 1;
    for (const share of shares) {
      await insertClassLine(sql, page, line++, share.klass, {
        count: share.counts[leaf],
        cents: share.cents[leaf],
      });
    }
  }
  if (hierarchy) {
    for (const [entity, up] of [[rollup, funds], [funds, funds]]) {
      const page = await insertPage(sql, reportFileId, {
        position: position++,
        reportingFor: entity,
        rollupTo: up,
        funds,
        date: day.date,
        currency: day.currency,
      });
      let line = 1;
      for (const [klass, figure] of classes) {
        await insertClassLine(sql, page, line++, klass, figure);
      }
    }
  }
  if (day.vss110Net !== undefined) {
    const page = await insertPage(sql, reportFileId, {
      position: position++,
      reportId: "VSS-110",
      reportingFor: funds,
      rollupTo: funds,
      funds,
      date: day.date,
      currency: day.currency,
    });
    await insertNetSettlementLine(sql, page, day.vss110Net);
  }
  const transactions: Record<string, number[]> = {};
  let recordIndex = 0;
  for (const [klass, figure] of classes) {
    transactions[klass] = [];
    for (const cents of split(figure.cents, figure.count)) {
      transactions[klass].push(
        await insertTransaction(sql, {
          fileId: clearingFileId,
          recordIndex: recordIndex++,
          date: day.date,
          destCurrency: NUMERIC[day.currency] ?? null,
          type: klass,
          destValue: centsText(cents),
        }),
      );
    }
  }
  return { reportFileId, clearingFileId, transactions, leafPages };
}

// ---------------------------------------------------------------------------------------------
// The same kind of day as files, for tests that go through `ingest`.

/** A VSS-120 detail line: under `type` (PURCHASE, ATM CASH), its label and figures. */
export interface Vss120Line {
  type: "PURCHASE" | "ATM CASH";
  label: string;
  count: number;
  cents: bigint;
  suffix: "DB" | "CR";
}

/** Places `text` so that its last character is in column `rightEdge` (1-based). */
function putRight(line: string[], rightEdge: number, text: string): void {
  for (let i = 0; i < text.length; i++) line[rightEdge - text.length + i] = text[i];
}

function putLeft(line: string[], column: number, text: string): void {
  for (let i = 0; i < text.length; i++) line[column - 1 + i] = text[i];
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function printedAmount(cents: bigint): string {
  const [units, decimals] = centsText(cents).split(".");
  return `${grouped(units)}.${decimals}`;
}

function blankLine(): string[] {
  return Array.from({ length: 133 }, () => " ");
}

const COLUMN_HEADERS = [
  "                                      CURRENCY               COUNT               CLEARING          INTERCHANGE          INTERCHANGE",
  "                                       TABLE                                      AMOUNT              VALUE                VALUE",
  "                                        DATE                                                         CREDITS               DEBITS",
];

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** `2024-07-05` → `05JUL24`. */
export function ddmonyy(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}${MONTHS[Number(m) - 1]}${y.slice(2)}`;
}

/** One VSS-120 page (header, column headers, detail lines, END marker), lines joined by `\n`. */
export function vss120Page(options: {
  page: number;
  reportingFor: string;
  rollupTo: string;
  funds: string;
  date: string;
  currency: string;
  lines: readonly Vss120Line[];
}): string {
  const proc = ddmonyy(options.date);
  const out: string[] = [];
  const header = (parts: [number, string][], right?: [number, string]) => {
    const line = blankLine();
    for (const [col, text] of parts) putLeft(line, col, text);
    if (right) putRight(line, right[0], right[1]);
    out.push(line.join("").trimEnd());
  };
  header([[2, "REPORT ID:"], [14, "VSS-120"], [62, "VISANET SETTLEMENT SERVICE"], [
    112,
    "PAGE:",
  ]], [131, String(options.page)]);
  header([
    [2, "REPORTING FOR:"],
    [22, options.reportingFor],
    [33, "ACME BANCO S.A."],
    [
      63,
      "BRAZIL CIP NNSS SERVICE",
    ],
    [112, "PROC DATE:"],
    [125, proc],
  ]);
  header([
    [2, "ROLLUP TO:"],
    [22, options.rollupTo],
    [33, "ACME GRUPO"],
    [
      63,
      "INTERCHANGE VALUE REPORT",
    ],
    [112, "REPORT DATE:"],
    [125, proc],
  ]);
  header([[2, "FUNDS XFER ENTITY:"], [22, options.funds], [33, "ACME FUNDOS"]]);
  out.push("");
  header([[2, "SETTLEMENT CURRENCY:"], [24, options.currency]]);
  header([[2, "CLEARING CURRENCY:"], [24, options.currency]]);
  out.push("", "", ...COLUMN_HEADERS, "");
  out.push(" ISSUER TRANSACTIONS", "");
  for (const type of ["PURCHASE", "ATM CASH"] as const) {
    const rows = options.lines.filter((l) => l.type === type);
    if (rows.length === 0) continue;
    out.push(`   ${type}`);
    for (const row of rows) {
      const line = blankLine();
      putLeft(line, 5, row.label);
      putLeft(line, 40, ddmonyy(options.date));
      putRight(line, 66, grouped(String(row.count)));
      putRight(line, 89, `${printedAmount(row.cents)}${row.suffix}`);
      putRight(line, row.suffix === "CR" ? 110 : 131, printedAmount(row.cents));
      out.push(line.join("").trimEnd());
    }
    out.push("");
  }
  out.push(
    "",
    "                                                   ***  END OF VSS-120 REPORT  ***",
  );
  return out.join("\n");
}

/** Pages into one EP747 file: each page after the first starts with a form feed. */
export function ep747File(pages: readonly string[]): string {
  return pages.map((p, i) => (i === 0 ? p : `\f${p.slice(1)}`)).join("\n") + "\n";
}

/** Fields that make the clearing classifier (layout notes §7.3) give each class. */
const CLASS_FIELDS: Record<string, Record<string, unknown>> = {
  "COMPRA": { operation_code: "01", operation_type: "0", clearing_debit: 1 },
  "REVERSO-DE-COMPRA": { operation_code: "01", operation_type: "0", clearing_debit: 0 },
  "SAQUE": { operation_code: "02", operation_type: "0", clearing_debit: 1 },
  "REVERSO-DE-SAQUE": { operation_code: "02", operation_type: "0", clearing_debit: 0 },
};

/**
 * A clearing JSON file (text): per class, `count` records whose `dest_value` add up to `cents`,
 * built from a seed record. Money is written as JSON number literals with two decimals.
 */
export function clearingJson(
  seed: Record<string, unknown>,
  date: string,
  destCurrency: number,
  classes: Record<string, ClassFigure>,
): string {
  const records: string[] = [];
  let n = 0;
  for (const [klass, figure] of Object.entries(classes)) {
    const fields = CLASS_FIELDS[klass];
    if (!fields) throw new Error(`no clearing fields for class ${klass}`);
    for (const cents of split(figure.cents, figure.count)) {
      n++;
      const value = centsText(cents);
      const record = {
        ...seed,
        ...fields,
        source_date: date,
        dest_currency: destCurrency,
        clearing_currency: destCurrency,
        arn: String(70_000 + n),
        slice_code: String(500_000_000_000_000 + n),
        purchase_value: `@${value}@`,
        installment_value_1: `@${value}@`,
        clearing_value: `@${value}0000@`,
        dest_value: `@${value}@`,
        cdt_amount: `@${value}@`,
      };
      records.push(JSON.stringify(record).replace(/"@(-?\d+\.\d+)@"/g, "$1"));
    }
  }
  return `[\n${records.join(",\n")}\n]\n`;
}
