/**
 * The report side of the data model: a parsed EP747 page (header + amount lines), as
 * strategies produce it and as the writer stores it in `reports` and `amounts`.
 *
 * Techniques: explicit TypeScript interfaces (the public contract, fast to type-check)
 * with zod 4 schemas checked against them (`z.ZodType<T>`); the schemas are the
 * `validate` step that checks what a strategy (possibly a third-party one) returned
 * before anything is written. Decimal values are strings of exact decimal text, never
 * numbers.
 *
 * @example
 * ```ts
 * import { ReportHeaderSchema } from "./report.ts";
 * ReportHeaderSchema.safeParse({ report_id: "VSS-110" }).success; // false: fields missing
 * ```
 *
 * @module
 */

import { z } from "zod";

/** The header fields every page repeats. Missing fields are null. */
export interface ReportHeader {
  /** Full report id, e.g. `VSS-110`, `VSS-900-S`. */
  report_id: string;
  /** Reporting entity as printed: id and name (`1234567890 010203 DESAFIO`). */
  reporting_for: string | null;
  /** The 10-digit id of the reporting entity. */
  reporting_for_id: string | null;
  /** Page number as printed. */
  page: number | null;
  /** PROC DATE, ISO `YYYY-MM-DD`. */
  proc_date: string | null;
  /** ROLLUP TO entity as printed: id and name. */
  rollup_to: string | null;
  /** The 10-digit id of the ROLLUP TO entity. */
  rollup_to_id: string | null;
  /** REPORT DATE, ISO `YYYY-MM-DD`. */
  report_date: string | null;
  /** FUNDS XFER ENTITY as printed: id and name. */
  funds_xfer_entity: string | null;
  /** The 10-digit id of the FUNDS XFER ENTITY. */
  funds_xfer_entity_id: string | null;
  /** Alpha currency code, e.g. `BRL`. */
  settlement_currency: string | null;
  /** Alpha clearing currency code, when the header prints one. */
  clearing_currency: string | null;
  /** The centred title lines, e.g. `VISANET SETTLEMENT SERVICE`, `SETTLEMENT SUMMARY REPORT`. */
  summary: string[];
}

/** One heading of the open section stack. */
export interface Heading {
  /** 1-based printed column of the heading's first character. */
  indent: number;
  /** The heading text, blanks collapsed. */
  text: string;
}

/** One amount line of a page. */
export interface AmountLine {
  /** 1-based line number in the file. */
  line: number;
  /** Headings opened on this page that are still open at this line. */
  localSections: Heading[];
  /** Inherited headings with indent ≥ cutoff were closed on this page before this line. */
  cutoff: number;
  /** Full section path (`A - B`); set once continuation across pages is resolved. */
  section?: string;
  /** The row label, blanks collapsed (`NET PURCHASE`). */
  label: string;
  /** A `TOTAL …`, `NET …` or final settlement row. */
  is_total: boolean;
  /** Every numeric column of the line, by column name, as exact decimal text. */
  columns: Record<string, string>;
  /** A date printed in the row (processing date, CRS date), ISO. */
  row_date: string | null;
  /** A text reference printed in the row instead of a date, e.g. a rate table id `A1277`. */
  row_ref?: string | null;
  /** The value of the count column, exact integer text. */
  count: string | null;
  /** The value of the credit amount column, exact decimal text. */
  credit_amount: string | null;
  /** The value of the debit amount column, exact decimal text. */
  debit_amount: string | null;
  /** The value of the total amount column, exact decimal text (negative for `DB`). */
  total_amount: string | null;
  /** The line as printed. */
  raw: string;
  /** Classification (see `processor/report_class.ts`), once resolved. */
  transaction_class?: string | null;
}

/** A page after its strategy has run. */
export interface ParsedPage {
  /** The page's header fields. */
  header: ReportHeader;
  /** Name of the strategy that parsed it, or `unparsed`. */
  strategy: string;
  /** False when no strategy handles the report id: header and raw text only. */
  parsed: boolean;
  /** The page says `*** NO DATA FOR THIS REPORT ***`. */
  noData: boolean;
  /** The page carries the report's END marker. */
  ended: boolean;
  /** The amount lines, in line order. */
  amounts: AmountLine[];
  /** Section state at the end of the page (see `strategies/section_stack.ts`). */
  endSections: { cutoff: number; local: Heading[] };
  /** Tolerated oddities, e.g. over-long lines. */
  warnings: string[];
  /** The full heading stack still open at the end of the page, once resolved. */
  openSections?: Heading[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, "expected exact decimal text");
const integerText = z.string().regex(/^-?\d+$/, "expected integer text");

/** Validates a {@link ReportHeader}. */
export const ReportHeaderSchema: z.ZodType<ReportHeader> = z.object({
  report_id: z.string().regex(/^VSS-[0-9A-Z-]+$/, "expected a report id like VSS-110"),
  reporting_for: z.string().nullable(),
  reporting_for_id: z.string().nullable(),
  page: z.number().int().nonnegative().nullable(),
  proc_date: isoDate.nullable(),
  rollup_to: z.string().nullable(),
  rollup_to_id: z.string().nullable(),
  report_date: isoDate.nullable(),
  funds_xfer_entity: z.string().nullable(),
  funds_xfer_entity_id: z.string().nullable(),
  settlement_currency: z.string().regex(/^[A-Z]{3}$/, "expected a 3-letter currency").nullable(),
  clearing_currency: z.string().nullable(),
  summary: z.array(z.string()),
});

/** Validates a {@link Heading}. */
export const HeadingSchema: z.ZodType<Heading> = z.object({
  indent: z.number().int(),
  text: z.string(),
});

/** Validates an {@link AmountLine}. */
export const AmountLineSchema: z.ZodType<AmountLine> = z.object({
  line: z.number().int().positive(),
  localSections: z.array(HeadingSchema),
  cutoff: z.number(),
  section: z.string().optional(),
  label: z.string().min(1),
  is_total: z.boolean(),
  columns: z.record(z.string(), decimalText),
  row_date: isoDate.nullable(),
  row_ref: z.string().nullable().optional(),
  count: integerText.nullable(),
  credit_amount: decimalText.nullable(),
  debit_amount: decimalText.nullable(),
  total_amount: decimalText.nullable(),
  raw: z.string(),
  transaction_class: z.string().nullable().optional(),
});

/** Validates a {@link ParsedPage}. */
export const ParsedPageSchema: z.ZodType<ParsedPage> = z.object({
  header: ReportHeaderSchema,
  strategy: z.string(),
  parsed: z.boolean(),
  noData: z.boolean(),
  ended: z.boolean(),
  amounts: z.array(AmountLineSchema),
  endSections: z.object({ cutoff: z.number(), local: z.array(HeadingSchema) }),
  warnings: z.array(z.string()),
  openSections: z.array(HeadingSchema).optional(),
});
