/**
 * Writes EP747 report instances page by page: the common page header (layout notes §3),
 * the report's column-header lines on every page, the body broken into pages of at most
 * {@linkcode MAX_PAGE_LINES} lines, and the END marker (or a NO DATA body) at the end.
 *
 * Page starts alternate deterministically between the two forms of §2: (a) a form feed in
 * column 1 of the `REPORT ID:` line, and (b) a line holding only a form feed followed by a
 * 132-column `REPORT ID:` line. `PAGE:` is a running counter per report id across entities.
 * Continuation pages repeat the header and the column headers but not the open headings,
 * like real files; a body line marked `keep` is never the last line of a page (headings stay
 * with their first row, a label-only line with its value-only line).
 *
 * Techniques: a streaming paginator over a body iterator (holds at most one page of lines),
 * one write per page to a {@linkcode BufferedWriter}; header lines built once per instance and
 * only the page number patched per page.
 *
 * @example
 * ```ts
 * import { Ep747Writer } from "./ep747_writer.ts";
 * // const writer = new Ep747Writer(out, { procDate, rng, eol: "\n" });
 * // await writer.instance(header, layout, bodyLines); // or null for NO DATA
 * ```
 *
 * @module
 */

import type { BufferedWriter } from "./buffered_writer.ts";
import type { Entity } from "./entities.ts";
import { BLANK, Line, textLine } from "./fixed_width.ts";
import type { Prng } from "./prng.ts";

/** Printer page length: longer instances continue on the next page. */
export const MAX_PAGE_LINES = 60;

/** The header fields of a page (§3). */
export interface HeaderSpec {
  reportId: string;
  /** REPORTING FOR. */
  entity: Entity;
  /** ROLLUP TO; `null` leaves it out (VSS-300, VSS-900-S, VSS-100-W). */
  rollup: Entity | null;
  /** FUNDS XFER ENTITY; `null` leaves line 4 blank. */
  funds: Entity | null;
  service: string;
  title: string;
  /** `PROC DATE:` unless given (`LAST CHANGE:` in VSS-100-W). */
  dateLabel?: string;
  /** The date printed after `dateLabel` (`DDMONYY`); default the processing date. */
  date?: string;
  /** Settlement currency; `null`: no SETTLEMENT CURRENCY line (VSS-100-W). */
  currency: string | null;
  /** Blanks between `SETTLEMENT CURRENCY:` and the code (2; VSS-300 prints 1). */
  currencyGap?: number;
  /** Clearing currency line 7 (VSS-120, 210, 215). */
  clearingCurrency?: string;
}

/** How a report lays out its pages. */
export interface ReportLayout {
  /** Blank lines between the header block and the column headers. */
  gap: number;
  /** Column-header lines (133 columns), printed on every page and followed by one blank. */
  columns: readonly string[];
  /** Lines printed on the first page only, before the column headers (VSS-900 blocks). */
  lead?: readonly string[];
  /** The END marker line. */
  end: string;
  /** VSS-110: the trailer starts with a zero-length line, like the real page. */
  zeroLengthTrailer?: boolean;
  /** Column of the NO DATA marker. @default 44 */
  noDataColumn?: number;
}

/** One body line; `keep` forbids a page break right after it. */
export interface BodyLine {
  text: string;
  keep?: boolean;
}

/** A body line from a {@linkcode Line}. */
export function row(line: Line, keep = false): BodyLine {
  return { text: line.toString(), keep };
}

/** A heading (kept with the line after it). */
export function heading(col: number, text: string): BodyLine {
  return { text: textLine(col, text), keep: true };
}

/** A blank body line. */
export const blank: BodyLine = Object.freeze({ text: BLANK });

/** An END marker line: `*** END OF VSS-110 REPORT ***` starting at `col`. */
export function endMarker(reportId: string, col: number, inner = " "): string {
  return textLine(col, `***${inner}END OF ${reportId} REPORT${inner}***`);
}

/** What the writer has written. */
export interface Ep747Stats {
  /** Pages written, across all reports. */
  pages: number;
  /**
   * Lines written: header, column-header and body lines, plus the form-feed-only line of each
   * page started in form (b).
   */
  lines: number;
  /** Report instances written (including NO DATA instances). */
  instances: number;
  /** Instances written as a NO DATA page. */
  noDataPages: number;
  /** Instances that took more than one page. */
  multiPageInstances: number;
  /** Pages started in form (b): a line holding only a form feed, then the `REPORT ID:` line. */
  formBPages: number;
  /** Pages written per report id (e.g. `VSS-110`). */
  pagesByReport: Record<string, number>;
}

/** Options of {@linkcode Ep747Writer}. */
export interface Ep747WriterOptions {
  /** The processing date, `DDMONYY`. */
  procDate: string;
  /** Chooses the page-start form. */
  rng: Prng;
  /** Line terminator. @default "\n" */
  eol?: string;
  /** Share of pages started in form (b). @default 0.2 */
  formBShare?: number;
}

/** The header block of one instance (lines 1–6 or 1–7), line 1 without its page number. */
export function headerLines(h: HeaderSpec, procDate: string): Line[] {
  const l1 = new Line()
    .put(2, "REPORT ID:")
    .put(14, h.reportId)
    .put(62, "VISANET SETTLEMENT SERVICE")
    .put(112, "PAGE:");
  const l2 = new Line()
    .put(2, "REPORTING FOR:")
    .put(22, h.entity.id)
    .put(33, h.entity.name)
    .put(75 - Math.floor(h.service.length / 2), h.service)
    .put(112, h.dateLabel ?? "PROC DATE:")
    .put(125, h.date ?? procDate);
  const l3 = new Line();
  if (h.rollup) l3.put(2, "ROLLUP TO:").put(22, h.rollup.id).put(33, h.rollup.name);
  l3.put(74 - Math.floor((h.title.length - 1) / 2), h.title)
    .put(112, "REPORT DATE:")
    .put(125, procDate);
  const l4 = new Line();
  if (h.funds) l4.put(2, "FUNDS XFER ENTITY:").put(22, h.funds.id).put(33, h.funds.name);
  const l6 = new Line();
  if (h.currency) l6.put(2, "SETTLEMENT CURRENCY:").put(22 + (h.currencyGap ?? 2), h.currency);
  const lines = [l1, l2, l3, l4, new Line(), l6];
  if (h.clearingCurrency) {
    lines.push(new Line().put(2, "CLEARING CURRENCY:").put(24, h.clearingCurrency));
  }
  return lines;
}

/** Writes report instances as pages. */
export class Ep747Writer {
  readonly #out: BufferedWriter;
  readonly #procDate: string;
  readonly #rng: Prng;
  readonly #eol: string;
  readonly #formBShare: number;
  readonly #pageCounter = new Map<string, number>();
  readonly stats: Ep747Stats = {
    pages: 0,
    lines: 0,
    instances: 0,
    noDataPages: 0,
    multiPageInstances: 0,
    formBPages: 0,
    pagesByReport: {},
  };

  constructor(out: BufferedWriter, options: Ep747WriterOptions) {
    this.#out = out;
    this.#procDate = options.procDate;
    this.#rng = options.rng;
    this.#eol = options.eol ?? "\n";
    this.#formBShare = options.formBShare ?? 0.2;
  }

  /**
   * Writes one instance: `body` lines, or a NO DATA page when `body` is null.
   * @returns the number of pages written.
   */
  async instance(
    header: HeaderSpec,
    layout: ReportLayout,
    body: Iterable<BodyLine> | null,
  ): Promise<number> {
    const head = headerLines(header, this.#procDate);
    const [line1, ...rest] = head;
    const line1Text = line1.toString();
    const restText = rest.map(String);
    const noData = body === null;
    const columns = noData ? [] : layout.columns;
    const lead = noData ? [] : layout.lead ?? [];
    const fixed = head.length + layout.gap + (columns.length > 0 ? columns.length + 1 : 0);
    const capacity = [MAX_PAGE_LINES - fixed - lead.length, MAX_PAGE_LINES - fixed];
    if (capacity[0] < 5) throw new Error(`${header.reportId}: page header too long`);

    const trailer: BodyLine[] = [
      { text: layout.zeroLengthTrailer ? "" : BLANK, keep: true },
      { text: BLANK, keep: true },
      { text: layout.end },
    ];
    const lines = noData
      ? [
        {
          text: textLine(layout.noDataColumn ?? 44, "*** NO DATA FOR THIS REPORT ***"),
          keep: true,
        },
        ...trailer,
      ]
      : concat(body, trailer);

    let pages = 0;
    let buffer: BodyLine[] = [];
    const emit = async (count: number) => {
      const pageLines = buffer.slice(0, count);
      buffer = buffer.slice(count);
      while (buffer.length > 0 && buffer[0].text.trim() === "") buffer.shift();
      await this.#page(
        header.reportId,
        line1Text,
        restText,
        layout.gap,
        pages === 0 ? lead : [],
        columns,
        pageLines,
      );
      pages++;
    };
    for (const line of lines) {
      if (buffer.length === 0 && pages > 0 && line.text.trim() === "") continue;
      buffer.push(line);
      const cap = capacity[pages === 0 ? 0 : 1];
      if (buffer.length > cap) {
        let cut = cap;
        while (cut > 1 && buffer[cut - 1].keep) cut--;
        if (cut === 1 && buffer[0].keep) cut = cap;
        await emit(cut);
      }
    }
    await emit(buffer.length);
    this.stats.instances++;
    if (noData) this.stats.noDataPages++;
    if (pages > 1) this.stats.multiPageInstances++;
    return pages;
  }

  async #page(
    reportId: string,
    line1: string,
    head: readonly string[],
    gap: number,
    lead: readonly string[],
    columns: readonly string[],
    body: readonly BodyLine[],
  ): Promise<void> {
    const page = (this.#pageCounter.get(reportId) ?? 0) + 1;
    this.#pageCounter.set(reportId, page);
    const number = String(page);
    const first = line1.slice(0, 131 - number.length) + number + line1.slice(131);
    const formB = this.stats.pages > 0 && this.#rng.chance(this.#formBShare);
    const out: string[] = formB ? ["\f", first.slice(1)] : ["\f" + first.slice(1)];
    out.push(...head);
    for (let i = 0; i < gap; i++) out.push(BLANK);
    out.push(...lead);
    if (columns.length > 0) out.push(...columns, BLANK);
    for (const l of body) out.push(l.text);
    this.stats.pages++;
    this.stats.lines += out.length;
    if (formB) this.stats.formBPages++;
    this.stats.pagesByReport[reportId] = (this.stats.pagesByReport[reportId] ?? 0) + 1;
    await this.#out.write(out.join(this.#eol) + this.#eol);
  }
}

function* concat<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}
