/**
 * Deterministic generator of the bundled demo data in `data/samples/`.
 *
 * It writes three files for the processing day 2024-07-05:
 *
 * - `EP747_20240705_demo.txt`: one EP747 settlement report file (VSS-100-W, VSS-110, VSS-115,
 *   VSS-120, VSS-130, VSS-140, VSS-230 NO DATA, VSS-300 and VSS-610 pages for a small made-up
 *   hierarchy: two leaf SREs in BRL, their rollup entity, and one USD entity), laid out with the
 *   column positions of `docs/vss-reports.md` (§2–§5), including VSS-110, VSS-130 and VSS-610
 *   instances that continue on a second page and one page started in form (b) (a line holding
 *   only a form feed). All figures come from one model, so they agree across reports (VSS-110
 *   NET SETTLEMENT AMOUNT = VSS-115 FINAL SETTLEMENT NET AMOUNT = VSS-300 net, rollup = sum of
 *   its leaves).
 * - `tests/fixtures/EP747_20240705_demo.expected.json` (the test oracle, kept out of the samples): for every page, in file order, the header keys and the
 *   amount lines a correct VSS-110 / VSS-610 parser must produce (exact decimal strings, DB as a
 *   leading `-`). It is written from the generator's own model, never by parsing the text, so the
 *   parser tests can use it as an independent oracle.
 * - `VISA_TRANSACTIONAL_CLEARING_20240705_01.json`: 500 clearing records with the 47 fields of §6
 *   in file order, printed one record per line like the real sample.
 *
 * Techniques: a tiny seeded PRNG (mulberry32) so that every run writes byte-identical files; money
 * kept as BigInt integer cents (and micro-units for the 6-decimal fields) and printed with integer
 * arithmetic only, so no float ever reaches the output; a column-addressed line builder that
 * refuses overlapping or touching text and lines wider than 133 columns; model-first generation,
 * where each report is computed as numbers (section totals are sums of their rows) and then both
 * rendered as text and exported as the expected parse; latin1 encoding of the report file.
 *
 * Run from the repository root:
 *
 * ```sh
 * deno run --allow-write=data scripts/make_samples.ts
 * ```
 *
 * @module
 */

import { Prng } from "../src/generator/prng.ts";
import { ACQUIRERS, POS_MODES, PURCHASE_MCCS } from "../src/generator/clearing_generator.ts";

// ---------------------------------------------------------------------------------------------
// Seeded randomness

const SEED = 0x0e747705;

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

/** `05JUL24`. */
function ddmonyy(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return `${dd}${MONTHS[d.getUTCMonth()]}${String(d.getUTCFullYear() % 100).padStart(2, "0")}`;
}

/** `2024-07-05`. */
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Day of the year, 1-based. */
function dayOfYear(d: Date): number {
  return Math.round((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

const PROC = utc(2024, 7, 5);
const PROC_TEXT = ddmonyy(PROC);

// ---------------------------------------------------------------------------------------------
// Exact numbers (integer cents / micro-units as BigInt)

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

/** `amount × bp / 10 000`, rounded half up; `amount` ≥ 0. */
function bp(amount: bigint, basisPoints: number): bigint {
  return (amount * BigInt(basisPoints) + 5000n) / 10000n;
}

/** Thousands separators: `334544` → `334,544`. */
function grouped(n: bigint): string {
  if (n < 0n) throw new RangeError(`grouped(): negative value ${n}`);
  const s = n.toString();
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ",";
    out += s[i];
  }
  return out;
}

/** Unsigned report amount from cents: `2843263849n` → `28,432,638.49`. */
function reportAmount(cents: bigint): string {
  if (cents < 0n) throw new RangeError(`reportAmount(): negative value ${cents}`);
  return `${grouped(cents / 100n)}.${(cents % 100n).toString().padStart(2, "0")}`;
}

/**
 * Signed report amount: credit (positive) prints with `CR`, debit (negative) with `DB`, zero
 * without a suffix.
 */
function reportSigned(cents: bigint): string {
  if (cents === 0n) return "0.00";
  return reportAmount(abs(cents)) + (cents < 0n ? "DB" : "CR");
}

/** Exact decimal text with `scale` decimals: `-2808191939n, 2` → `-28081919.39`. */
function decimal(units: bigint, scale = 2): string {
  const div = 10n ** BigInt(scale);
  const a = abs(units);
  const frac = scale === 0 ? "" : "." + (a % div).toString().padStart(scale, "0");
  return `${units < 0n ? "-" : ""}${a / div}${frac}`;
}

// ---------------------------------------------------------------------------------------------
// The page grid

/** Print width including the carriage-control column. */
const WIDTH = 133;

/** Printer page length: a longer instance goes on on the next page. */
const MAX_PAGE_LINES = 60;

/**
 * One report line addressed by 1-based print columns. Column 1 is the carriage-control column.
 * Placing text over, or directly against, existing text is a generator bug and throws.
 */
class Line {
  readonly #cells: string[] = new Array<string>(WIDTH).fill(" ");

  /** Writes `text` with its first character in column `col`. */
  put(col: number, text: string): this {
    const start = col - 1;
    const end = start + text.length;
    if (start < 0 || end > WIDTH) {
      throw new RangeError(`"${text}" at column ${col} does not fit in ${WIDTH} columns`);
    }
    const touches = (start > 0 && this.#cells[start - 1] !== " ") ||
      (end < WIDTH && this.#cells[end] !== " ");
    if (touches || this.#cells.slice(start, end).some((c) => c !== " ")) {
      throw new Error(`"${text}" at column ${col} overlaps or touches other text`);
    }
    for (let i = 0; i < text.length; i++) this.#cells[start + i] = text[i];
    return this;
  }

  /** Writes `text` with its last character in column `re`. */
  right(re: number, text: string): this {
    return this.put(re - text.length + 1, text);
  }

  /** A signed amount whose digits end in `re`, with `DB`/`CR` in `re + 1`…`re + 2`. */
  signed(re: number, cents: bigint): this {
    const text = reportSigned(cents);
    return this.right(cents === 0n ? re : re + 2, text);
  }

  /** An unsigned amount whose digits end in `re`. */
  amount(re: number, cents: bigint): this {
    return this.right(re, reportAmount(cents));
  }

  /** A count whose last digit is in `re`. */
  count(re: number, n: bigint): this {
    return this.right(re, grouped(n));
  }

  toString(): string {
    return this.#cells.join("");
  }
}

// ---------------------------------------------------------------------------------------------
// Expected parse (the oracle written next to the report file)

type Values = Record<string, string>;

interface ExpectedAmount {
  line: number;
  section: string;
  label: string;
  values: Values;
}

interface ExpectedPage {
  page_position: number;
  report_id: string;
  page: number;
  reporting_for_id: string | null;
  settlement_currency: string | null;
  amounts: ExpectedAmount[];
}

/** One printed body line, with the amount row it stands for when it is one. */
interface Item {
  text: string;
  amount?: Omit<ExpectedAmount, "line">;
}

const PAGE_BREAK = Symbol("page break");
type BodyLine = Item | typeof PAGE_BREAK;

const blank = (): Item => ({ text: " ".repeat(WIDTH) });
const emptyLine = (): Item => ({ text: "" });
const text = (col: number, s: string): Item => ({ text: new Line().put(col, s).toString() });
const row = (line: Line, amount: Omit<ExpectedAmount, "line">): Item => ({
  text: line.toString(),
  amount,
});

/** Splits a body at its page breaks. */
function pagesOf(body: readonly BodyLine[]): Item[][] {
  const pages: Item[][] = [[]];
  for (const item of body) {
    if (item === PAGE_BREAK) pages.push([]);
    else pages[pages.length - 1].push(item);
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Entities and page headers

interface Entity {
  id: string;
  name: string;
}

const LEAF_A: Entity = { id: "2000345671", name: "BANCO EXEMPLO S.A." };
const LEAF_B: Entity = { id: "2000345689", name: "050607 EXEMPLO CARTOES" };
const ROLLUP: Entity = { id: "2000345600", name: "GRUPO EXEMPLO" };
const INTL: Entity = { id: "2000345672", name: "BANCO EXEMPLO INTL" };

const CIP = "BRAZIL CIP NNSS SERVICE";
const INTERNATIONAL = "INTERNATIONAL SETTLEMENT SERVICE";

interface HeaderSpec {
  reportId: string;
  entity: Entity;
  /** `null` leaves the ROLLUP TO part of line 3 blank (VSS-300, top of the hierarchy). */
  rollup: Entity | null;
  /** `null` leaves line 4 blank. */
  funds: Entity | null;
  service: string;
  title: string;
  /** `PROC DATE:` normally, `LAST CHANGE:` in VSS-100-W. */
  dateLabel?: string;
  date?: string;
  /** `null`: no SETTLEMENT CURRENCY line (VSS-100-W). */
  currency: string | null;
  /** Blanks between `SETTLEMENT CURRENCY:` and the code: 2, or 1 in VSS-300. */
  currencyGap?: number;
  clearingCurrency?: string;
}

/** The header block of one page (lines 1–6 or 1–7), each 133 columns wide. */
function headerLines(h: HeaderSpec, page: number): string[] {
  const l1 = new Line()
    .put(2, "REPORT ID:")
    .put(14, h.reportId)
    .put(62, "VISANET SETTLEMENT SERVICE")
    .put(112, "PAGE:")
    .right(131, String(page));
  const l2 = new Line()
    .put(2, "REPORTING FOR:")
    .put(22, h.entity.id)
    .put(33, h.entity.name)
    .put(75 - Math.floor(h.service.length / 2), h.service)
    .put(112, h.dateLabel ?? "PROC DATE:")
    .put(125, h.date ?? PROC_TEXT);
  const l3 = new Line();
  if (h.rollup) l3.put(2, "ROLLUP TO:").put(22, h.rollup.id).put(33, h.rollup.name);
  l3.put(74 - Math.floor((h.title.length - 1) / 2), h.title)
    .put(112, "REPORT DATE:")
    .put(125, PROC_TEXT);
  const l4 = new Line();
  if (h.funds) l4.put(2, "FUNDS XFER ENTITY:").put(22, h.funds.id).put(33, h.funds.name);
  const lines = [l1, l2, l3, l4, new Line()];
  const l6 = new Line();
  if (h.currency) l6.put(2, "SETTLEMENT CURRENCY:").put(22 + (h.currencyGap ?? 2), h.currency);
  lines.push(l6);
  if (h.clearingCurrency) {
    lines.push(new Line().put(2, "CLEARING CURRENCY:").put(24, h.clearingCurrency));
  }
  return lines.map(String);
}

/** One report instance: one report id for one entity, over one or more pages. */
interface Instance {
  header: HeaderSpec;
  /** Blank lines between the header block and the column headers. */
  gap: number;
  /** Column-header lines; when present they are followed by one blank line. */
  columns: string[];
  body: BodyLine[];
  /** Lines after the body of the last page (blank lines and the END marker). */
  trailer: Item[];
  /** Start the (single) page in form (b): a line holding only `\f`, then a 132-column line. */
  formB?: boolean;
  /** Which pages carry expected amount rows (the report ids the first release parses). */
  parsed: boolean;
}

/** What the run prints at the end, one entry per page. */
interface PageNote {
  position: number;
  reportId: string;
  entity: string;
  currency: string;
  page: number;
  continuation: boolean;
  formB: boolean;
  lines: number;
}

/** Accumulates the report file and its expected parse. */
class Ep747Builder {
  readonly lines: string[] = [];
  readonly expected: ExpectedPage[] = [];
  readonly notes: PageNote[] = [];
  readonly #pageCounter = new Map<string, number>();

  add(inst: Instance): void {
    // Explicit page breaks first, then the printer's page length; a page broken by length
    // does not start with blank lines.
    const explicit = pagesOf(inst.body);
    explicit[explicit.length - 1].push(...inst.trailer);
    const fixed = headerLines(inst.header, 1).length + inst.gap +
      (inst.columns.length > 0 ? inst.columns.length + 1 : 0);
    const capacity = MAX_PAGE_LINES - fixed;
    const pages: Item[][] = [];
    for (const segment of explicit) {
      let rest = segment;
      while (rest.length > capacity) {
        pages.push(rest.slice(0, capacity));
        rest = rest.slice(capacity);
        while (rest.length > 0 && rest[0].text.trim() === "") rest = rest.slice(1);
      }
      pages.push(rest);
    }
    if (inst.formB && pages.length !== 1) throw new Error("form (b) is only used on single pages");
    pages.forEach((segment, index) => {
      const id = inst.header.reportId;
      const page = (this.#pageCounter.get(id) ?? 0) + 1;
      this.#pageCounter.set(id, page);
      const firstLine = this.lines.length + 1;
      const expected: ExpectedPage = {
        page_position: this.expected.length + 1,
        report_id: id,
        page,
        reporting_for_id: inst.header.entity.id,
        settlement_currency: inst.header.currency,
        amounts: [],
      };
      const push = (item: Item) => {
        this.lines.push(item.text);
        if (item.amount && inst.parsed) {
          expected.amounts.push({ line: this.lines.length, ...item.amount });
        }
      };

      const [head1, ...head] = headerLines(inst.header, page);
      if (inst.formB) {
        this.lines.push("\f");
        this.lines.push(head1.slice(1));
      } else {
        this.lines.push("\f" + head1.slice(1));
      }
      for (const h of head) push({ text: h });
      for (let i = 0; i < inst.gap; i++) push(blank());
      if (inst.columns.length > 0) {
        for (const c of inst.columns) push({ text: c });
        push(blank());
      }
      for (const item of segment) push(item);

      this.expected.push(expected);
      this.notes.push({
        position: expected.page_position,
        reportId: id,
        entity: `${inst.header.entity.id} ${inst.header.entity.name}`,
        currency: inst.header.currency ?? "-",
        page,
        continuation: index > 0,
        formB: inst.formB ?? false,
        lines: this.lines.length - firstLine + 1,
      });
    });
  }
}

const endMarker = (id: string, col = 52, inner = " "): Item =>
  text(col, `***${inner}END OF ${id} REPORT${inner}***`);

// ---------------------------------------------------------------------------------------------
// The settlement model behind VSS-110, VSS-115, VSS-120 and VSS-300

/** Money flowing in both directions; `count` is the transaction count (interchange only). */
interface Flow {
  count: bigint;
  credit: bigint;
  debit: bigint;
}

/** A transaction type of one business mode; it moves money in one direction only. */
interface TypeFlow extends Flow {
  label: string;
}

interface ModeBook {
  types: TypeFlow[];
  reimbursement: Flow;
  charges: Flow;
}

interface Book {
  acquirer: ModeBook;
  issuer: ModeBook;
  other: ModeBook;
}

const MODES = ["acquirer", "issuer", "other"] as const;
type Mode = typeof MODES[number];

const ZERO: Flow = { count: 0n, credit: 0n, debit: 0n };

function addFlows(...flows: Flow[]): Flow {
  return {
    count: sum(flows.map((f) => f.count)),
    credit: sum(flows.map((f) => f.credit)),
    debit: sum(flows.map((f) => f.debit)),
  };
}

function interchange(m: ModeBook): Flow {
  return addFlows(ZERO, ...m.types);
}

/** Everything the mode settles: interchange + reimbursement fees + Visa charges. */
function modeTotal(m: ModeBook): Flow {
  return addFlows(interchange(m), m.reimbursement, m.charges);
}

/** Net as the reports sign it: credit − debit (positive = CR, negative = DB). */
function net(f: Flow): bigint {
  return f.credit - f.debit;
}

/** `count` transactions at an average ticket in [ticketMin, ticketMax] cents. */
function volume(rng: Prng, countRange: [number, number], ticketRange: [number, number]) {
  const count = rng.big(...countRange);
  if (count === 0n) return { count, amount: 0n };
  return { count, amount: count * rng.big(...ticketRange) + rng.big(0, 99) };
}

function debitType(label: string, v: { count: bigint; amount: bigint }): TypeFlow {
  return { label, count: v.count, credit: 0n, debit: v.amount };
}

function creditType(label: string, v: { count: bigint; amount: bigint }): TypeFlow {
  return { label, count: v.count, credit: v.amount, debit: 0n };
}

const emptyMode = (): ModeBook => ({ types: [], reimbursement: ZERO, charges: ZERO });

/** An issuer with purchases, ATM cash, merchandise credits and reversals. */
function issuerMode(
  rng: Prng,
  p: {
    purchase: [[number, number], [number, number]];
    atm: [[number, number], [number, number]] | null;
    merch: [[number, number], [number, number]];
    reversal: [[number, number], [number, number]];
    feeBp: number;
    chargesBp: number;
  },
): ModeBook {
  const purchase = debitType("PURCHASE", volume(rng, ...p.purchase));
  const atm = p.atm ? debitType("ATM CASH", volume(rng, ...p.atm)) : null;
  const merch = creditType("MERCHANDISE CREDIT", volume(rng, ...p.merch));
  const reversal = creditType("REVERSALS", volume(rng, ...p.reversal));
  const types = [purchase, ...(atm ? [atm] : []), merch, reversal];
  return {
    types,
    // The issuer receives the reimbursement fee on purchases, pays it on merchandise credits
    // and pays a flat fee per ATM withdrawal.
    reimbursement: {
      count: 0n,
      credit: bp(purchase.debit, p.feeBp),
      debit: bp(merch.credit, 160) + (atm ? atm.count * 220n : 0n),
    },
    charges: { count: 0n, credit: 0n, debit: bp(purchase.debit + (atm?.debit ?? 0n), p.chargesBp) },
  };
}

function addBooks(a: Book, b: Book): Book {
  const mergeMode = (x: ModeBook, y: ModeBook): ModeBook => {
    const labels = [...new Set([...x.types, ...y.types].map((t) => t.label))];
    return {
      types: labels.map((label) => {
        const parts = [...x.types, ...y.types].filter((t) => t.label === label);
        return { label, ...addFlows(...parts) };
      }),
      reimbursement: addFlows(x.reimbursement, y.reimbursement),
      charges: addFlows(x.charges, y.charges),
    };
  };
  return {
    acquirer: mergeMode(a.acquirer, b.acquirer),
    issuer: mergeMode(a.issuer, b.issuer),
    other: mergeMode(a.other, b.other),
  };
}

// ---------------------------------------------------------------------------------------------
// VSS-110 SETTLEMENT SUMMARY REPORT

const COLUMNS_110 = [
  new Line().put(72, "CREDIT").put(99, "DEBIT").put(125, "TOTAL"),
  new Line().put(47, "COUNT").put(72, "AMOUNT").put(98, "AMOUNT").put(124, "AMOUNT"),
].map(String);

const MODE_ROW: Record<Mode, string> = {
  acquirer: "TOTAL ACQUIRER",
  issuer: "TOTAL ISSUER",
  other: "TOTAL OTHER",
};

/**
 * The VSS-110 body. With `breakAfterIssuer` the first page ends right after the TOTAL ISSUER row
 * of INTERCHANGE VALUE (no END marker) and the next page goes on with TOTAL OTHER.
 */
function body110(book: Book, breakAfterIssuer: boolean): BodyLine[] {
  const sections: { name: string; total: string; flows: Record<Mode, Flow>; counts: boolean }[] = [
    {
      name: "INTERCHANGE VALUE",
      total: "TOTAL INTERCHANGE VALUE",
      flows: {
        acquirer: interchange(book.acquirer),
        issuer: interchange(book.issuer),
        other: interchange(book.other),
      },
      counts: true,
    },
    {
      name: "REIMBURSEMENT FEES",
      total: "TOTAL REIMBURSEMENT FEES",
      flows: {
        acquirer: book.acquirer.reimbursement,
        issuer: book.issuer.reimbursement,
        other: book.other.reimbursement,
      },
      counts: false,
    },
    {
      name: "VISA CHARGES",
      total: "TOTAL VISA CHARGES",
      flows: {
        acquirer: book.acquirer.charges,
        issuer: book.issuer.charges,
        other: book.other.charges,
      },
      counts: false,
    },
    {
      name: "TOTAL",
      total: "NET SETTLEMENT AMOUNT",
      flows: {
        acquirer: modeTotal(book.acquirer),
        issuer: modeTotal(book.issuer),
        other: modeTotal(book.other),
      },
      counts: false,
    },
  ];

  const dataRow = (section: string, label: string, f: Flow, counts: boolean): Item => {
    const line = new Line().put(5, label);
    const values: Values = {};
    if (counts) {
      line.count(51, f.count);
      values.count = f.count.toString();
    }
    line.amount(77, f.credit).amount(103, f.debit).signed(129, net(f));
    values.credit_amount = decimal(f.credit);
    values.debit_amount = decimal(f.debit);
    values.total_amount = decimal(net(f));
    return row(line, { section, label, values });
  };

  const body: BodyLine[] = [];
  sections.forEach((s, i) => {
    body.push(text(2, s.name), blank());
    for (const mode of MODES) {
      body.push(dataRow(s.name, MODE_ROW[mode], s.flows[mode], s.counts));
      if (breakAfterIssuer && i === 0 && mode === "issuer") body.push(PAGE_BREAK);
    }
    const total = addFlows(s.flows.acquirer, s.flows.issuer, s.flows.other);
    body.push(blank(), dataRow(s.name, s.total, total, s.counts));
    if (i < sections.length - 1) body.push(blank());
  });

  // Self-check: the TOTAL section is the sum of the three others.
  const last = sections[3].flows;
  for (const mode of MODES) {
    const expected = addFlows(...sections.slice(0, 3).map((s) => s.flows[mode]));
    if (expected.credit !== last[mode].credit || expected.debit !== last[mode].debit) {
      throw new Error(`VSS-110 ${mode}: TOTAL section is not the sum of the sections`);
    }
  }
  return body;
}

function instance110(
  entity: Entity,
  book: Book,
  opts: { currency: string; service: string; breakAfterIssuer?: boolean; formB?: boolean },
): Instance {
  return {
    header: {
      reportId: "VSS-110",
      entity,
      rollup: ROLLUP,
      funds: ROLLUP,
      service: opts.service,
      title: "SETTLEMENT SUMMARY REPORT",
      currency: opts.currency,
    },
    gap: 2,
    columns: COLUMNS_110,
    body: body110(book, opts.breakAfterIssuer ?? false),
    // Like the real page: a zero-length line, a blank line, then the END marker.
    trailer: [emptyLine(), blank(), endMarker("VSS-110")],
    formB: opts.formB,
    parsed: true,
  };
}

// ---------------------------------------------------------------------------------------------
// VSS-115 SRE SETTLEMENT RECAP REPORT (stored unparsed by the first release)

function banner(word: string, left: number, width: number): string {
  return "-".repeat(left) + word + "-".repeat(width - left - word.length);
}

const COLUMNS_115 = [
  new Line()
    .put(24, banner("CREDITS", 14, 34))
    .put(59, banner("DEBITS", 18, 34))
    .put(94, banner("TOTAL", 18, 38)),
  new Line()
    .put(34, "COUNT")
    .put(52, "AMOUNT")
    .put(69, "COUNT")
    .put(87, "AMOUNT")
    .put(104, "COUNT")
    .put(124, "AMOUNT"),
].map(String);

function body115(book: Book): BodyLine[] {
  const recapRow = (label: string, f: Flow, crCount: bigint, dbCount: bigint, counts: boolean) => {
    const line = new Line().put(2, label);
    if (counts && crCount > 0n) line.count(38, crCount);
    line.amount(57, f.credit);
    if (counts && dbCount > 0n) line.count(73, dbCount);
    line.amount(92, f.debit);
    if (counts && crCount + dbCount > 0n) line.count(108, crCount + dbCount);
    line.signed(129, net(f));
    return { text: line.toString() };
  };
  const directionCounts = (types: TypeFlow[]) => ({
    cr: sum(types.filter((t) => t.credit > 0n).map((t) => t.count)),
    db: sum(types.filter((t) => t.debit > 0n).map((t) => t.count)),
  });

  const body: BodyLine[] = [];
  const names: Record<Mode, [string, string]> = {
    acquirer: ["ACQUIRER TRANSACTIONS", "TOTAL ACQUIRER"],
    issuer: ["ISSUER TRANSACTIONS", "TOTAL ISSUER"],
    other: ["OTHER TRANSACTIONS", "TOTAL OTHER"],
  };
  for (const mode of MODES) {
    const m = book[mode];
    const c = directionCounts(m.types);
    body.push(text(2, names[mode][0]));
    for (const t of m.types) {
      if (t.count === 0n) continue;
      body.push(
        recapRow(t.label, t, t.credit > 0n ? t.count : 0n, t.debit > 0n ? t.count : 0n, true),
      );
    }
    body.push(blank());
    body.push(recapRow("TOTAL INTERCHANGE", interchange(m), c.cr, c.db, true));
    body.push(recapRow("REIMBURSEMENT FEES", m.reimbursement, 0n, 0n, false));
    body.push(recapRow("VISA CHARGES", m.charges, 0n, 0n, false));
    body.push(blank());
    body.push(recapRow(names[mode][1], modeTotal(m), c.cr, c.db, true), blank());
  }
  const all = MODES.map((mode) => directionCounts(book[mode].types));
  const grand = addFlows(...MODES.map((mode) => modeTotal(book[mode])));
  body.push(recapRow("TOTAL", grand, sum(all.map((c) => c.cr)), sum(all.map((c) => c.db)), true));
  body.push(blank());
  body.push({
    text: new Line().put(2, "FINAL SETTLEMENT NET AMOUNT").signed(129, net(grand)).toString(),
  });
  return body;
}

function instance115(entity: Entity, book: Book, currency: string, service: string): Instance {
  return {
    header: {
      reportId: "VSS-115",
      entity,
      rollup: ROLLUP,
      funds: ROLLUP,
      service,
      title: "SRE SETTLEMENT RECAP REPORT",
      currency,
    },
    gap: 1,
    columns: COLUMNS_115,
    body: body115(book),
    trailer: [blank(), blank(), endMarker("VSS-115")],
    parsed: false,
  };
}

// ---------------------------------------------------------------------------------------------
// VSS-120 INTERCHANGE VALUE REPORT (stored unparsed by the first release)

const COLUMNS_120 = [
  new Line()
    .put(39, "CURRENCY")
    .put(62, "COUNT")
    .put(82, "CLEARING")
    .put(100, "INTERCHANGE")
    .put(121, "INTERCHANGE"),
  new Line().put(40, "TABLE").put(83, "AMOUNT").put(103, "VALUE").put(124, "VALUE"),
  new Line().put(41, "DATE").put(102, "CREDITS").put(124, "DEBITS"),
].map(String);

function body120(rng: Prng, issuer: ModeBook): BodyLine[] {
  const type = (label: string) => {
    const t = issuer.types.find((x) => x.label === label);
    if (!t) throw new Error(`VSS-120: no ${label} in the model`);
    return t;
  };
  const valueLine = (indent: number, label: string, f: Flow, date: Date | null) => {
    const line = new Line().put(indent, label);
    if (date) line.put(40, ddmonyy(date));
    if (f.count > 0n) line.count(66, f.count);
    line.signed(87, net(f));
    if (f.credit > 0n) line.amount(110, f.credit);
    if (f.debit > 0n) line.amount(131, f.debit);
    return { text: line.toString() };
  };
  const netLine = (indent: number, label: string, f: Flow) => {
    const line = new Line().put(indent, label);
    const n = net(f);
    if (n > 0n) line.amount(110, n);
    else line.amount(131, -n);
    return { text: line.toString() };
  };

  const yesterday = addDays(PROC, -1);
  const purchase = type("PURCHASE");
  // The purchases of two processing days.
  const firstCount = purchase.count * rng.big(35, 45) / 100n;
  const firstAmount = purchase.debit * firstCount / purchase.count;
  const purchaseDays: Flow[] = [
    { count: firstCount, credit: 0n, debit: firstAmount },
    { count: purchase.count - firstCount, credit: 0n, debit: purchase.debit - firstAmount },
  ];
  const atm = type("ATM CASH");
  const reversal = type("REVERSALS");
  const merch = type("MERCHANDISE CREDIT");
  const atmTotal = addFlows(atm, reversal);

  const body: BodyLine[] = [text(2, "ISSUER TRANSACTIONS"), blank()];
  body.push(text(4, "PURCHASE"));
  body.push(valueLine(5, "ORIGINAL SALE", purchaseDays[0], addDays(PROC, -2)));
  body.push(valueLine(5, "ORIGINAL SALE", purchaseDays[1], yesterday));
  body.push(blank(), valueLine(4, "TOTAL PURCHASE", purchase, null));
  body.push(netLine(4, "NET   PURCHASE", purchase), blank());
  body.push(text(4, "ATM CASH"));
  body.push(valueLine(5, "ORIGINAL WITHDRAWAL", atm, yesterday));
  body.push(valueLine(5, "REVERSAL", reversal, yesterday));
  body.push(blank(), valueLine(4, "TOTAL ATM CASH", atmTotal, null));
  body.push(netLine(4, "NET   ATM CASH", atmTotal), blank());
  body.push(text(4, "MERCHANDISE CREDIT"));
  body.push(valueLine(5, "ORIGINAL", merch, yesterday));
  body.push(blank(), valueLine(4, "TOTAL MERCHANDISE CREDIT", merch, null));
  body.push(netLine(4, "NET   MERCHANDISE CREDIT", merch), blank());
  const all = interchange(issuer);
  body.push(valueLine(2, "TOTAL ISSUER INTERCHANGE", all, null));
  body.push(netLine(2, "NET   ISSUER INTERCHANGE", all));
  return body;
}

// ---------------------------------------------------------------------------------------------
// VSS-130 REIMBURSEMENT FEES REPORT and VSS-140 VISA CHARGES REPORT (stored unparsed)

const COLUMNS_130 = [
  new Line().put(97, "REIMBURSEMENT").put(119, "REIMBURSEMENT"),
  new Line().put(57, "COUNT").put(76, "INTERCHANGE").put(102, "FEE").put(124, "FEE"),
  new Line().put(79, "AMOUNT").put(100, "CREDITS").put(123, "DEBITS"),
].map(String);

/** One fee-level row of VSS-130: mode, type, cycle, network and jurisdiction, then the label. */
interface FeeRow {
  path: [string, string, string, string, string];
  label: string;
  count: bigint;
  /** Signed like the report: CR positive, DB negative. */
  interchange: bigint;
  credit: bigint;
  debit: bigint;
}

/** Flat per-withdrawal fee an issuer pays, in cents (see `issuerMode`). */
const ATM_FEE = 220n;

/**
 * The fee rows behind a book's reimbursement fees. They are derived from the book (no new
 * randomness), so their sums equal the VSS-110 REIMBURSEMENT FEES rows exactly.
 */
function feeRows(book: Book): FeeRow[] {
  const rows: FeeRow[] = [];
  const where = (mode: string, type: string, cycle: string) =>
    [mode, type, cycle, "VISA L.A.C.", "BRAZIL - BRAZIL"] as FeeRow["path"];
  const find = (m: ModeBook, label: string) =>
    m.types.find((t) => t.label === label && t.count > 0n);

  const acq = book.acquirer;
  const acqPurchase = find(acq, "PURCHASE");
  const acqMerch = find(acq, "MERCHANDISE CREDIT");
  if (acqPurchase) {
    rows.push({
      path: where("ACQUIRER TRANSACTIONS", "PURCHASE", "ORIGINAL SALE"),
      label: "CREDIT STANDARD",
      count: acqPurchase.count,
      interchange: acqPurchase.credit,
      credit: 0n,
      debit: acq.reimbursement.debit,
    });
  }
  if (acqMerch) {
    rows.push({
      path: where("ACQUIRER TRANSACTIONS", "MERCHANDISE CREDIT", "ORIGINAL"),
      label: "CREDIT STANDARD",
      count: acqMerch.count,
      interchange: -acqMerch.debit,
      credit: acq.reimbursement.credit,
      debit: 0n,
    });
  }

  const iss = book.issuer;
  const purchase = find(iss, "PURCHASE");
  const atm = find(iss, "ATM CASH");
  const merch = find(iss, "MERCHANDISE CREDIT");
  if (purchase) {
    // Split the purchases 62/38 between two products; the fee follows the amount.
    const count = purchase.count * 62n / 100n;
    const amount = purchase.debit * count / purchase.count;
    const fee = iss.reimbursement.credit * amount / purchase.debit;
    const path = where("ISSUER TRANSACTIONS", "PURCHASE", "ORIGINAL SALE");
    rows.push({
      path,
      label: "CREDIT STANDARD",
      count,
      interchange: -amount,
      credit: fee,
      debit: 0n,
    });
    rows.push({
      path,
      label: "CREDIT PREMIUM",
      count: purchase.count - count,
      interchange: -(purchase.debit - amount),
      credit: iss.reimbursement.credit - fee,
      debit: 0n,
    });
  }
  const atmFee = atm ? atm.count * ATM_FEE : 0n;
  if (atm) {
    rows.push({
      path: where("ISSUER TRANSACTIONS", "ATM CASH", "ORIGINAL WITHDRAWAL"),
      label: "ATM STANDARD",
      count: atm.count,
      interchange: -atm.debit,
      credit: 0n,
      debit: atmFee,
    });
  }
  if (merch) {
    rows.push({
      path: where("ISSUER TRANSACTIONS", "MERCHANDISE CREDIT", "ORIGINAL"),
      label: "CREDIT STANDARD",
      count: merch.count,
      interchange: merch.credit,
      credit: 0n,
      debit: iss.reimbursement.debit - atmFee,
    });
  }
  return rows;
}

/** Sums fee rows of several entities by path and label (a rollup repeats its leaves). */
function mergeFeeRows(...lists: FeeRow[][]): FeeRow[] {
  const out = new Map<string, FeeRow>();
  for (const r of lists.flat()) {
    const key = [...r.path, r.label].join("|");
    const seen = out.get(key);
    if (!seen) out.set(key, { ...r });
    else {
      seen.count += r.count;
      seen.interchange += r.interchange;
      seen.credit += r.credit;
      seen.debit += r.debit;
    }
  }
  return [...out.values()];
}

/** Groups by a key, keeping the order in which keys first appear. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()];
}

function body130(rows: FeeRow[]): BodyLine[] {
  const INDENTS = [2, 5, 8, 11, 14];
  const totalOf = (rs: FeeRow[]) => ({
    count: sum(rs.map((r) => r.count)),
    interchange: sum(rs.map((r) => r.interchange)),
    credit: sum(rs.map((r) => r.credit)),
    debit: sum(rs.map((r) => r.debit)),
  });
  const feeLine = (
    indent: number,
    label: string,
    t: Omit<FeeRow, "path" | "label">,
    counts = true,
  ) => {
    const line = new Line().put(indent, label);
    if (counts) line.count(61, t.count).signed(84, t.interchange);
    if (t.credit > 0n) line.amount(109, t.credit);
    if (t.debit > 0n) line.amount(131, t.debit);
    return { text: line.toString() };
  };
  const netLine = (indent: number, label: string, t: { credit: bigint; debit: bigint }) => {
    const n = t.credit - t.debit;
    const line = new Line().put(indent, label);
    if (n >= 0n) line.amount(109, n);
    else line.amount(131, -n);
    return { text: line.toString() };
  };

  const body: BodyLine[] = [];
  const level = (rs: FeeRow[], depth: number): void => {
    for (const [name, group] of groupBy(rs, (r) => r.path[depth])) {
      body.push(text(INDENTS[depth], name));
      if (depth === 4) {
        for (const r of group) body.push(feeLine(17, r.label, r));
      } else {
        level(group, depth + 1);
      }
      body.push(feeLine(INDENTS[depth], `TOTAL ${name}`, totalOf(group)));
      if (depth === 1) body.push(netLine(INDENTS[depth], `NET   ${name}`, totalOf(group)), blank());
    }
  };
  const modes = ["ACQUIRER TRANSACTIONS", "ISSUER TRANSACTIONS"];
  for (const mode of modes) {
    const group = rows.filter((r) => r.path[0] === mode);
    if (group.length === 0) continue;
    const short = mode.split(" ")[0];
    body.push(text(2, mode), blank());
    level(group, 1);
    const t = totalOf(group);
    body.push(feeLine(2, `TOTAL ${short} REIMB FEES`, t, false));
    body.push(netLine(2, `NET   ${short} REIMB FEES`, t));
    if (mode !== modes[modes.length - 1]) body.push(blank());
  }
  return body;
}

function instance130(entity: Entity, rows: FeeRow[]): Instance {
  return {
    header: {
      reportId: "VSS-130",
      entity,
      rollup: ROLLUP,
      funds: ROLLUP,
      service: CIP,
      title: "REIMBURSEMENT FEES REPORT",
      currency: "BRL",
    },
    gap: 2,
    columns: COLUMNS_130,
    body: body130(rows),
    trailer: [blank(), blank(), endMarker("VSS-130", 53)],
    parsed: false,
  };
}

const COLUMNS_140 = [
  new Line().put(62, "COUNT").put(77, "INTERCHANGE").put(99, "VISA CHARGES").put(
    120,
    "VISA CHARGES",
  ),
  new Line().put(82, "AMOUNT").put(104, "CREDITS").put(126, "DEBITS"),
].map(String);

/**
 * VSS-140 of an international issuer: the international service assessment on its purchases,
 * printed with the indentation of the §5.6 example (whose TOTAL PURCHASE sits deeper than the
 * PURCHASE heading).
 */
function body140(book: Book): BodyLine[] {
  const purchase = book.issuer.types.find((t) => t.label === "PURCHASE");
  if (!purchase || book.issuer.charges.credit !== 0n) throw new Error("VSS-140: unexpected model");
  const isa = book.issuer.charges.debit;
  const full = (indent: number, label: string) => ({
    text: new Line()
      .put(indent, label)
      .count(66, purchase.count)
      .signed(87, -purchase.debit)
      .amount(131, isa)
      .toString(),
  });
  const chargeOnly = (indent: number, label: string) => ({
    text: new Line().put(indent, label).amount(131, isa).toString(),
  });
  return [
    text(2, "ISSUER TRANSACTIONS"),
    blank(),
    text(4, "INTERNATIONAL SERVICE ASSESSMENT"),
    blank(),
    text(6, "PURCHASE"),
    text(8, "ORIGINAL SALE"),
    text(10, "VISA INTERNATIONAL"),
    full(13, "BRAZIL - WORLD"),
    chargeOnly(10, "TOTAL VISA INTERNATIONAL"),
    full(8, "TOTAL PURCHASE"),
    chargeOnly(8, "NET   PURCHASE"),
    blank(),
    full(4, "TOTAL INTERNATIONAL SERVICE ASSESSMENT"),
    chargeOnly(4, "NET   INTERNATIONAL SERVICE ASSESSMENT"),
    blank(),
    chargeOnly(2, "TOTAL ISSUER CHARGES"),
    chargeOnly(2, "NET   ISSUER CHARGES"),
  ];
}

// ---------------------------------------------------------------------------------------------
// VSS-230 (NO DATA) and VSS-300 (stored unparsed by the first release)

const COLUMNS_300 = [
  new Line().put(35, "TOTAL").put(54, "TOTAL").put(73, "TOTAL").put(90, "TOTAL").put(111, "NET"),
  new Line()
    .put(31, "INTERCHANGE")
    .put(51, "INTERCHANGE")
    .put(68, "REIMBURSEMENT")
    .put(93, "VISA")
    .put(106, "SETTLEMENT"),
  new Line()
    .put(35, "COUNT")
    .put(54, "VALUE")
    .put(74, "FEES")
    .put(91, "CHARGES")
    .put(107, "AMOUNT"),
].map(String);

function body300(leaves: [Entity, Book][]): BodyLine[] {
  const recap = (label: string, m: ModeBook): Item => {
    const charges = m.charges.debit - m.charges.credit;
    if (charges < 0n) throw new Error("VSS-300: Visa charges print unsigned; expected a debit");
    const line = new Line()
      .put(2, label)
      .count(40, interchange(m).count)
      .signed(63, net(interchange(m)))
      .signed(83, net(m.reimbursement))
      .amount(103, charges)
      .signed(127, net(modeTotal(m)));
    return { text: line.toString() };
  };
  const merged = (b: Book): ModeBook => ({
    types: MODES.flatMap((mode) => b[mode].types),
    reimbursement: addFlows(...MODES.map((mode) => b[mode].reimbursement)),
    charges: addFlows(...MODES.map((mode) => b[mode].charges)),
  });

  const body: BodyLine[] = [];
  for (const [entity, book] of leaves) {
    body.push(text(2, `RECAP FOR: ${entity.id} ${entity.name}`));
    body.push(recap("ACQUIRER", book.acquirer));
    body.push(recap("ISSUER", book.issuer));
    body.push(recap("OTHER", book.other));
    body.push(recap("NET SETTLEMENT AMOUNT", merged(book)), blank());
  }
  const total = leaves.map(([, b]) => b).reduce(addBooks);
  body.push(text(2, `TOTAL FOR: ${ROLLUP.id} ${ROLLUP.name}`));
  body.push(recap("NET SETTLEMENT AMOUNT", merged(total)));
  return body;
}

// ---------------------------------------------------------------------------------------------
// VSS-610 (layout of the RECONSTRUCTED example in §5.12)

const COLUMNS_610 = [
  new Line().put(32, "PROCESSING").put(60, "COUNT").put(86, "TRANSACTION").put(119, "INTERCHANGE"),
  new Line().put(37, "DATE").put(91, "AMOUNT").put(127, "FEE"),
].map(String);

/** One dated row: amounts signed as stored (CR positive, DB negative). */
interface Row610 {
  date: Date;
  count: bigint;
  amount: bigint;
  fee: bigint;
}

interface Group610 {
  name: string;
  rows: Row610[];
}

/** Issuer purchases: the amount is a debit, the interchange fee a credit. */
function purchaseRow(rng: Prng, date: Date, counts: [number, number], ticket: [number, number]) {
  const v = volume(rng, counts, ticket);
  return { date, count: v.count, amount: -v.amount, fee: bp(v.amount, rng.int(125, 150)) };
}

function body610(groups: Group610[], breakAfter?: { group: number; rows: number }): BodyLine[] {
  const MODE = "ISSUER TRANSACTIONS";
  const line610 = (indent: number, label: string, r: Omit<Row610, "date">, date: Date | null) => {
    const line = new Line().put(indent, label);
    if (date) line.put(35, ddmonyy(date));
    line.count(64, r.count).signed(96, r.amount).signed(129, r.fee);
    const values: Values = {};
    if (date) values.processing_date = isoDate(date);
    values.count = r.count.toString();
    values.transaction_amount = decimal(r.amount);
    values.interchange_fee = decimal(r.fee);
    return { line, values };
  };
  const totalOf = (rows: Omit<Row610, "date">[]) => ({
    count: sum(rows.map((r) => r.count)),
    amount: sum(rows.map((r) => r.amount)),
    fee: sum(rows.map((r) => r.fee)),
  });

  const body: BodyLine[] = [text(2, MODE)];
  const groupTotals: Omit<Row610, "date">[] = [];
  groups.forEach((g, gi) => {
    const section = `${MODE} - ${g.name}`;
    body.push(text(4, g.name));
    g.rows.forEach((r, ri) => {
      const made = line610(6, "PURCHASE", r, r.date);
      body.push(row(made.line, { section, label: "PURCHASE", values: made.values }));
      if (breakAfter && breakAfter.group === gi && breakAfter.rows === ri + 1) {
        body.push(PAGE_BREAK);
      }
    });
    const total = totalOf(g.rows);
    groupTotals.push(total);
    const label = `TOTAL ${g.name}`;
    const made = line610(4, label, total, null);
    body.push(row(made.line, { section, label, values: made.values }), blank());
  });
  const label = `TOTAL ${MODE}`;
  const made = line610(2, label, totalOf(groupTotals), null);
  body.push(row(made.line, { section: MODE, label, values: made.values }));
  return body;
}

function instance610(
  entity: Entity,
  groups: Group610[],
  breakAfter?: { group: number; rows: number },
): Instance {
  return {
    header: {
      reportId: "VSS-610",
      entity,
      rollup: ROLLUP,
      funds: ROLLUP,
      service: CIP,
      title: "(TITLE NOT CONFIRMED)",
      currency: "BRL",
    },
    gap: 2,
    columns: COLUMNS_610,
    body: body610(groups, breakAfter),
    trailer: [blank(), blank(), endMarker("VSS-610")],
    parsed: true,
  };
}

// ---------------------------------------------------------------------------------------------
// VSS-100-W WEEKLY SETTLEMENT REPORTING HIERARCHY LIST (no money; stored unparsed)

function instance100W(): Instance {
  const columns = [
    new Line()
      .put(2, "SRE")
      .put(14, "SRE")
      .put(40, "HIERARCHY")
      .put(52, "ROLLUP TO")
      .put(65, "FUNDS XFER")
      .put(78, "CLEARING")
      .put(89, "SETTLEMENT")
      .put(123, "SETTLMNT"),
    new Line()
      .put(2, "ID")
      .put(14, "NAME")
      .put(42, "LEVEL")
      .put(52, "ENTITY")
      .put(65, "ENTITY")
      .put(78, "ENTITY")
      .put(89, "SERVICE")
      .put(123, "CURRENCY"),
  ].map(String);
  const entry = (
    e: Entity,
    level: number,
    rollup: Entity | null,
    clearing: string,
    service: string,
    currency: string,
  ): Item => {
    const line = new Line().put(2, e.id).put(14, e.name).right(46, String(level));
    if (rollup) line.put(52, rollup.id);
    line.put(65, ROLLUP.id).put(78, clearing).put(89, service).put(126, currency);
    return { text: line.toString() };
  };
  return {
    header: {
      reportId: "VSS-100-W",
      entity: ROLLUP,
      rollup: null,
      funds: ROLLUP,
      service: CIP,
      title: "WEEKLY SETTLEMENT REPORTING HIERARCHY LIST",
      dateLabel: "LAST CHANGE:",
      date: ddmonyy(utc(2024, 3, 14)),
      currency: null,
    },
    gap: 1,
    columns,
    body: [
      entry(ROLLUP, 1, null, "400112", CIP, "BRL"),
      entry(LEAF_A, 2, ROLLUP, "400112", CIP, "BRL"),
      entry(LEAF_B, 2, ROLLUP, "400187", CIP, "BRL"),
      entry(INTL, 2, ROLLUP, "400113", INTERNATIONAL, "USD"),
    ],
    trailer: [blank(), blank(), endMarker("VSS-100-W", 51)],
    parsed: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The EP747 file

function buildEp747(rng: Prng): Ep747Builder {
  const bookA: Book = {
    acquirer: emptyMode(),
    issuer: issuerMode(rng, {
      purchase: [[300_000, 340_000], [8_000, 9_000]],
      atm: [[2_000, 3_500], [18_000, 25_000]],
      merch: [[1_200, 1_800], [9_000, 12_000]],
      reversal: [[250, 400], [10_000, 15_000]],
      feeBp: 125,
      chargesBp: 11,
    }),
    other: emptyMode(),
  };
  const acqPurchase = creditType("PURCHASE", volume(rng, [120, 180], [5_000, 7_000]));
  const acqMerch = debitType("MERCHANDISE CREDIT", volume(rng, [1, 3], [5_000, 7_000]));
  const bookB: Book = {
    acquirer: {
      types: [acqPurchase, acqMerch],
      // The acquirer pays the reimbursement fee on purchases and gets it back on credits.
      reimbursement: {
        count: 0n,
        credit: bp(acqMerch.debit, 140),
        debit: bp(acqPurchase.credit, 140),
      },
      charges: { count: 0n, credit: 0n, debit: bp(acqPurchase.credit, 9) },
    },
    issuer: issuerMode(rng, {
      purchase: [[11_000, 13_000], [10_000, 12_000]],
      atm: [[380, 470], [4_500, 5_500]],
      merch: [[30, 50], [18_000, 22_000]],
      reversal: [[2, 6], [4_000, 6_000]],
      feeBp: 145,
      chargesBp: 12,
    }),
    other: emptyMode(),
  };
  const bookRollup = addBooks(bookA, bookB);
  const bookIntl: Book = {
    acquirer: emptyMode(),
    issuer: issuerMode(rng, {
      purchase: [[780, 850], [5_000, 6_000]],
      atm: null,
      merch: [[10, 15], [4_000, 6_000]],
      reversal: [[1, 3], [3_000, 5_000]],
      feeBp: 160,
      chargesBp: 100,
    }),
    // A fee received and paid back the same day (nets to 0.00) and a flat service charge.
    other: {
      types: [],
      reimbursement: { count: 0n, credit: 3_500n, debit: 3_500n },
      charges: { count: 0n, credit: 0n, debit: 12_500n },
    },
  };

  // VSS-610: two BRL leaves; leaf A continues on a second page inside 27-DAY DEFER.
  const deferA: Row610[] = [];
  for (let d = utc(2024, 5, 30); d <= utc(2024, 6, 9); d = addDays(d, 1)) {
    deferA.push(purchaseRow(rng, d, [8_000, 15_000], [8_500, 9_500]));
  }
  const nowA: Row610[] = [2, 3, 4].map((day) =>
    purchaseRow(rng, utc(2024, 7, day), [300, 900], [7_000, 9_000])
  );
  const deferB: Row610[] = [7, 8, 9].map((day) =>
    purchaseRow(rng, utc(2024, 6, day), [380, 420], [12_000, 13_000])
  );
  const refund = { count: 2n, amount: 12_000n, fee: -156n }; // a credit with its fee debited back
  const nowB: Row610[] = [
    purchaseRow(rng, utc(2024, 7, 3), [20, 60], [9_000, 11_000]),
    { date: utc(2024, 7, 4), ...refund },
  ];

  const b = new Ep747Builder();
  b.add(instance100W());
  b.add(instance110(LEAF_A, bookA, { currency: "BRL", service: CIP }));
  b.add(instance110(LEAF_B, bookB, { currency: "BRL", service: CIP, breakAfterIssuer: true }));
  b.add(instance110(ROLLUP, bookRollup, { currency: "BRL", service: CIP, formB: true }));
  b.add(instance110(INTL, bookIntl, { currency: "USD", service: INTERNATIONAL }));
  b.add(instance115(LEAF_A, bookA, "BRL", CIP));
  b.add(instance115(LEAF_B, bookB, "BRL", CIP));
  b.add(instance115(ROLLUP, bookRollup, "BRL", CIP));
  b.add(instance115(INTL, bookIntl, "USD", INTERNATIONAL));
  b.add({
    header: {
      reportId: "VSS-120",
      entity: LEAF_A,
      rollup: ROLLUP,
      funds: ROLLUP,
      service: CIP,
      title: "INTERCHANGE VALUE REPORT",
      currency: "BRL",
      clearingCurrency: "BRL",
    },
    gap: 2,
    columns: COLUMNS_120,
    body: body120(rng, bookA.issuer),
    trailer: [blank(), blank(), endMarker("VSS-120", 52, "  ")],
    parsed: false,
  });
  const feesA = feeRows(bookA);
  const feesB = feeRows(bookB);
  b.add(instance130(LEAF_A, feesA));
  b.add(instance130(LEAF_B, feesB));
  b.add(instance130(ROLLUP, mergeFeeRows(feesA, feesB)));
  b.add({
    header: {
      reportId: "VSS-140",
      entity: INTL,
      rollup: ROLLUP,
      funds: ROLLUP,
      service: INTERNATIONAL,
      title: "VISA CHARGES REPORT",
      currency: "USD",
    },
    gap: 2,
    columns: COLUMNS_140,
    body: body140(bookIntl),
    trailer: [blank(), blank(), endMarker("VSS-140", 53)],
    parsed: false,
  });
  b.add({
    header: {
      reportId: "VSS-230",
      entity: INTL,
      rollup: ROLLUP,
      funds: ROLLUP,
      service: INTERNATIONAL,
      title: "VISA CHARGES RECONCILIATION REPORT",
      currency: "USD",
    },
    gap: 2,
    columns: [],
    body: [text(44, "*** NO DATA FOR THIS REPORT ***")],
    trailer: [blank(), blank(), endMarker("VSS-230", 53)],
    parsed: false,
  });
  b.add({
    header: {
      reportId: "VSS-300",
      entity: ROLLUP,
      rollup: null,
      funds: null,
      service: CIP,
      title: "SRE FINANCIAL RECAP REPORT",
      currency: "BRL",
      currencyGap: 1,
    },
    gap: 1,
    columns: COLUMNS_300,
    body: body300([[LEAF_A, bookA], [LEAF_B, bookB]]),
    trailer: [blank(), blank(), endMarker("VSS-300")],
    parsed: false,
  });
  b.add(instance610(LEAF_A, [
    { name: "27-DAY DEFER", rows: deferA },
    { name: "NO DEFERMENT", rows: nowA },
  ], { group: 0, rows: 7 }));
  b.add(instance610(LEAF_B, [
    { name: "27-DAY DEFER", rows: deferB },
    { name: "NO DEFERMENT", rows: nowB },
  ]));
  return b;
}

/** Structural checks on the finished text, independent of how it was built. */
function checkEp747(lines: readonly string[], pages: number): void {
  let starts = 0;
  lines.forEach((l, i) => {
    const where = `EP747 line ${i + 1}`;
    if (/[^\f\x20-\x7e]/.test(l)) throw new Error(`${where}: non-ASCII or control character`);
    if (l === "\f") {
      if (!lines[i + 1]?.startsWith("REPORT ID:") || lines[i + 1].length !== WIDTH - 1) {
        throw new Error(`${where}: form (b) must be followed by a 132-column REPORT ID line`);
      }
      starts++;
    } else if (l.startsWith("\f")) {
      if (!l.startsWith("\fREPORT ID:")) {
        throw new Error(`${where}: form feed not before REPORT ID`);
      }
      starts++;
    } else if (l.length !== 0 && l.length !== WIDTH && !(lines[i - 1] === "\f")) {
      throw new Error(`${where}: ${l.length} columns, expected ${WIDTH}`);
    }
  });
  if (starts !== pages) throw new Error(`EP747: ${starts} page starts for ${pages} pages`);
}

// ---------------------------------------------------------------------------------------------
// Clearing records

/** Appends the Luhn check digit. */
function withLuhn(digits: string): string {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return digits + String((10 - (total % 10)) % 10);
}

/** A field value already rendered as JSON text. */
type Json = string;

const str = (s: string): Json => JSON.stringify(s);
const int = (n: number | bigint): Json => String(n);
const money2 = (cents: bigint): Json => decimal(cents, 2);
const money6 = (micros: bigint): Json => decimal(micros, 6);

const BRL_RATES = [5_809_100n, 5_811_400n, 5_807_300n]; // micro-units: 5.809100
const USD_RATES = [5_893_800n, 5_889_900n, 5_901_200n];
/** Merchant-currency factors for the USD records' purchase_value, in micro-units. */
const MERCHANT_FACTORS = [1_000_000n, 920_000n, 790_000n, 5_630_000n];

interface ClearingStats {
  records: number;
  byCurrency: Record<string, number>;
  purchases: number;
  withdrawals: number;
  reversals: number;
  cancelReversals: number;
  installments: number;
  nullAuthorization: number;
}

/** Purchase amount in cents, from a few ticket-size buckets (integer arithmetic only). */
function purchaseCents(rng: Prng): bigint {
  const r = rng.next();
  if (r < 0.40) return rng.big(350, 5_000);
  if (r < 0.75) return rng.big(5_000, 20_000);
  if (r < 0.95) return rng.big(20_000, 100_000);
  return rng.big(100_000, 500_000);
}

function buildClearing(rng: Prng, count: number): { lines: string[]; stats: ClearingStats } {
  const stats: ClearingStats = {
    records: count,
    byCurrency: {},
    purchases: 0,
    withdrawals: 0,
    reversals: 0,
    cancelReversals: 0,
    installments: 0,
    nullAuthorization: 0,
  };
  const seenArn = new Set<string>();
  const seenSlice = new Set<string>();
  const unique = (seen: Set<string>, make: () => string) => {
    for (;;) {
      const v = make();
      if (!seen.has(v)) {
        seen.add(v);
        return v;
      }
    }
  };
  // Two records use the other reversal form (action code 11 + cancel, empty operation code),
  // and one is always a reversed BRL withdrawal, so that every clearing class occurs.
  const cancelAt = new Set([137, 402]);
  const withdrawalReversalAt = 311;

  const records: string[] = [];
  for (let i = 0; i < count; i++) {
    const forced = i === withdrawalReversalAt;
    const usd = !forced && rng.chance(0.12);
    const currency = usd ? 840 : 986;
    const cancelForm = cancelAt.has(i);
    const withdrawal = forced || (!cancelForm && rng.chance(usd ? 0.04 : 0.10));
    const reversal = forced || cancelForm || rng.chance(0.015);
    const acquirer = rng.pick(ACQUIRERS);

    // Amounts: the value cleared today in the destination currency, in cents.
    let purchase: bigint;
    let installments = 1;
    let installment = 1;
    let first: bigint;
    let further = 0n;
    if (withdrawal) {
      purchase = usd ? rng.big(2, 30) * 1_000n : rng.big(2, 100) * 1_000n;
    } else {
      purchase = purchaseCents(rng);
      if (usd) purchase = purchase / 5n + 100n;
    }
    if (!usd && !withdrawal && !reversal && purchase >= 10_000n && rng.chance(0.25)) {
      installments = rng.pick([2, 3, 4, 5, 6, 10, 12]);
      installment = rng.int(1, installments);
      further = purchase / BigInt(installments);
      first = purchase - further * BigInt(installments - 1);
      stats.installments++;
    } else {
      first = purchase;
    }
    const cleared = installment === 1 ? first : further;

    // Dates: most transactions happened one to four days ago; a later instalment of a
    // parcelled purchase goes back one month per instalment already cleared.
    const back = rng.pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 4]);
    const local = addDays(PROC, -back - 30 * (installment - 1));
    const authRoll = rng.next();
    const authorization = authRoll < 0.07 ? null : authRoll < 0.12 ? addDays(local, -1) : local;
    // USD records: purchase_value is in the merchant's currency, the rest in USD.
    const purchaseValue = usd
      ? (purchase * rng.pick(MERCHANT_FACTORS) + 500_000n) / 1_000_000n
      : purchase;
    const rate = rng.pick(usd ? USD_RATES : BRL_RATES);
    const cdt = usd ? (cleared * rate + 500_000n) / 1_000_000n : cleared;

    // Interchange: a percentage of the cleared value on purchases (issuer receives: C), a flat
    // fee on withdrawals (issuer pays: D); reversals turn the direction around.
    const commission = withdrawal
      ? (usd ? 750_000n : 2_200_000n)
      : cleared * BigInt(rng.pick([100, 115, 130, 150, 160, 185]));
    const feeReceived = !withdrawal;
    const feeSign = feeReceived !== reversal ? "C" : "D";

    const operationCode = cancelForm ? "" : withdrawal ? "02" : "01";
    const settlement = usd ? PROC : addDays(PROC, 27);
    const arn = unique(seenArn, () =>
      withLuhn(
        "7" + acquirer.bin + String(local.getUTCFullYear() % 10) +
          String(dayOfYear(local)).padStart(3, "0") + rng.digits(11),
      ));
    const slice = unique(seenSlice, () => rng.digits(15));

    const fields: [string, Json][] = [
      ["source", str("VISA")],
      ["source_date", str(isoDate(PROC))],
      ["dest_currency", int(currency)],
      ["arn", str(arn)],
      ["slice_code", str(slice)],
      ["cardbrandid", str(acquirer.brand[0])],
      ["externalid", str(acquirer.brand[1])],
      ["local_date", str(isoDate(local))],
      ["authorization_date", authorization ? str(isoDate(authorization)) : "null"],
      ["purchase_value", money2(purchaseValue)],
      ["clearing_debit", int(reversal ? 0 : 1)],
      ["installment_nbr", int(installments)],
      ["clearing_installment", int(installment)],
      ["installment_value_1", money2(first)],
      ["installment_value_n", money2(further)],
      ["clearing_value", money6(cleared * 10_000n)],
      ["issuer_exchange_rate", money6(rate)],
      ["clearing_commission", money6(commission)],
      ["clearing_interchange_fee_sign", str(feeSign)],
      ["qualifier", str("")],
      ["bin_card", str("4*****")],
      ["acquirer_id", int(acquirer.id)],
      ["mcc", int(withdrawal ? 6011 : rng.pick(PURCHASE_MCCS))],
      ["dest_value", money2(cleared)],
      ["boarding_fee", money6(0n)],
      ["status", int(6)],
      ["operation_type", str(withdrawal ? "1" : "0")],
      ["cdt_amount", money2(cdt)],
      ["product_code", str("C")],
      ["operation_code", str(operationCode)],
      ["reason_code", str("00")],
      ["pan", str("XXXXXXXXXXXXXXXX")],
      ["late_presentation", int(back >= 4 ? 1 : 0)],
      ["entry_mode", str("0")],
      ["pos_entry_mode", str(withdrawal ? rng.pick(["05", "90"]) : rng.pick(POS_MODES))],
      ["clearing_files_row_id", int(1901)],
      ["clearing_currency", int(currency)],
      ["clearing_boarding_fee", int(0)],
      ["clearing_settlement_date", str(isoDate(settlement))],
      ["clearing_presentation", int(1)],
      ["clearing_action_code", int(cancelForm ? 11 : 1)],
      ["clearing_total_partial_transaction", int(0)],
      ["clearing_flag_partial_settlement", int(0)],
      ["clearing_cancel", int(cancelForm ? 1 : 0)],
      ["clearing_confirm", int(1)],
      ["clearing_add", int(0)],
      ["clearing_credit", int(0)],
    ];
    if (fields.length !== 47) throw new Error(`clearing record has ${fields.length} fields`);
    records.push("  {" + fields.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ") + "}");

    stats.byCurrency[String(currency)] = (stats.byCurrency[String(currency)] ?? 0) + 1;
    if (withdrawal) stats.withdrawals++;
    else stats.purchases++;
    if (reversal) stats.reversals++;
    if (cancelForm) stats.cancelReversals++;
    if (!authorization) stats.nullAuthorization++;
  }
  const lines = ["[", ...records.map((r, i) => (i < records.length - 1 ? r + "," : r)), "]"];
  return { lines, stats };
}

// ---------------------------------------------------------------------------------------------
// Output

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new RangeError(`character U+${c.toString(16)} is not latin1`);
    out[i] = c;
  }
  return out;
}

async function main(): Promise<void> {
  const dir = new URL("../data/samples/", import.meta.url);
  await Deno.mkdir(dir, { recursive: true });

  const rng = new Prng(SEED);
  const ep747 = buildEp747(rng);
  checkEp747(ep747.lines, ep747.expected.length);
  const clearing = buildClearing(rng, 500);

  const oracleDir = new URL("../tests/fixtures/", import.meta.url);
  const files: [URL, Uint8Array][] = [
    [new URL("EP747_20240705_demo.txt", dir), latin1(ep747.lines.join("\n") + "\n")],
    [
      new URL("EP747_20240705_demo.expected.json", oracleDir),
      new TextEncoder().encode(JSON.stringify(ep747.expected, null, 2) + "\n"),
    ],
    [
      new URL("VISA_TRANSACTIONAL_CLEARING_20240705_01.json", dir),
      new TextEncoder().encode(clearing.lines.join("\n") + "\n"),
    ],
  ];
  for (const [url, bytes] of files) {
    await Deno.writeFile(url, bytes);
    console.log(`wrote ${url.pathname} (${bytes.length} bytes)`);
  }

  console.log(`\nEP747: ${ep747.lines.length} lines, ${ep747.expected.length} pages`);
  for (const n of ep747.notes) {
    const flags = [n.continuation ? "continuation" : "", n.formB ? "form (b)" : ""]
      .filter(Boolean)
      .join(", ");
    const amounts = ep747.expected[n.position - 1].amounts.length;
    console.log(
      `  ${String(n.position).padStart(2)}  ${n.reportId.padEnd(9)} page ${
        String(n.page).padStart(2)
      }` +
        `  ${n.currency}  ${n.entity.padEnd(33)} ${String(n.lines).padStart(3)} lines` +
        `  ${String(amounts).padStart(2)} amounts${flags ? `  (${flags})` : ""}`,
    );
  }
  console.log(`\nclearing: ${JSON.stringify(clearing.stats)}`);
}

if (import.meta.main) await main();
