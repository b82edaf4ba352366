/**
 * Reads the header block every EP747 page repeats (report id, page, reporting entity,
 * dates, rollup and funds-transfer entities, currencies, centred title lines).
 *
 * Techniques: regular expressions anchored on the printed labels (`REPORT ID:`,
 * `PROC DATE:` …) rather than fixed slices, so producers whose columns drift still
 * parse; the centred texts are what remains of lines 1–3 once the labelled fields are
 * removed, split on runs of two or more blanks.
 *
 * @example
 * ```ts
 * import { parsePageHeader } from "./page_header.ts";
 * const header = parsePageHeader([" REPORT ID:  VSS-110      VISANET SETTLEMENT SERVICE      PAGE:   1"]);
 * header.report_id; // "VSS-110"
 * ```
 *
 * @module
 */

import type { ReportHeader } from "../models/report.ts";
import { parseReportDate } from "../utils/dates.ts";

/** How many lines from the top of a page may hold header fields. */
export const HEADER_SCAN_LINES = 10;

const FIELD_PATTERNS = {
  report_id: /REPORT ID:\s+(VSS-[0-9A-Z]+(?:-[0-9A-Z]+)*)/,
  page: /PAGE:\s+(\d+)/,
  reporting_for: /REPORTING FOR:\s+(\d+)(?:\s(\S.*?))?(?=\s{2,}|$)/,
  proc_date: /(?:PROC DATE|LAST CHANGE):\s+(\S+)/,
  rollup_to: /ROLLUP TO:\s+(\d+)(?:\s(\S.*?))?(?=\s{2,}|$)/,
  report_date: /REPORT DATE:\s+(\S+)/,
  funds_xfer_entity: /FUNDS XFER ENTITY:\s+(\d+)(?:\s(\S.*?))?(?=\s{2,}|$)/,
  settlement_currency: /SETTLEMENT CURRENCY:\s*([A-Z]{3})\b/,
  clearing_currency: /^\s?CLEARING CURRENCY:\s*([A-Z]+)\b/,
} as const;

/** Where the header ends: the index of the first body line. */
export function headerLineCount(lines: readonly string[]): number {
  const limit = Math.min(lines.length, HEADER_SCAN_LINES);
  for (let i = 0; i < limit; i++) {
    if (FIELD_PATTERNS.settlement_currency.test(lines[i]) && !/TOTAL/.test(lines[i])) {
      const next = lines[i + 1] ?? "";
      return FIELD_PATTERNS.clearing_currency.test(next) ? i + 2 : i + 1;
    }
  }
  for (let i = Math.min(lines.length, 5) - 1; i >= 0; i--) {
    if (/(FUNDS XFER ENTITY|ROLLUP TO|REPORT DATE|PROC DATE|REPORT ID):/.test(lines[i])) {
      return i + 1;
    }
  }
  return Math.min(lines.length, 1);
}

function entity(line: string | undefined, pattern: RegExp): { text: string; id: string } | null {
  const match = line ? pattern.exec(line) : null;
  if (!match) return null;
  const name = match[2]?.trim();
  return { id: match[1], text: name ? `${match[1]} ${name}` : match[1] };
}

/** Parses the header fields from the first lines of a page. Missing fields are null. */
export function parsePageHeader(lines: readonly string[]): ReportHeader {
  const top = lines.slice(0, headerLineCount(lines));
  const find = (pattern: RegExp) => {
    for (const line of top) {
      const match = pattern.exec(line);
      if (match) return match;
    }
    return null;
  };
  const findLine = (pattern: RegExp) => top.find((line) => pattern.test(line));
  const reportingFor = entity(findLine(FIELD_PATTERNS.reporting_for), FIELD_PATTERNS.reporting_for);
  const rollup = entity(findLine(FIELD_PATTERNS.rollup_to), FIELD_PATTERNS.rollup_to);
  const funds = entity(
    findLine(FIELD_PATTERNS.funds_xfer_entity),
    FIELD_PATTERNS.funds_xfer_entity,
  );
  const procDate = find(FIELD_PATTERNS.proc_date)?.[1];
  const reportDate = find(FIELD_PATTERNS.report_date)?.[1];
  const page = find(FIELD_PATTERNS.page)?.[1];
  return {
    report_id: find(FIELD_PATTERNS.report_id)?.[1] ?? "",
    reporting_for: reportingFor?.text ?? null,
    reporting_for_id: reportingFor?.id ?? null,
    page: page === undefined ? null : Number.parseInt(page, 10),
    proc_date: procDate ? parseReportDate(procDate) : null,
    rollup_to: rollup?.text ?? null,
    rollup_to_id: rollup?.id ?? null,
    report_date: reportDate ? parseReportDate(reportDate) : null,
    funds_xfer_entity: funds?.text ?? null,
    funds_xfer_entity_id: funds?.id ?? null,
    settlement_currency: find(FIELD_PATTERNS.settlement_currency)?.[1] ?? null,
    clearing_currency: find(FIELD_PATTERNS.clearing_currency)?.[1] ?? null,
    summary: centredTexts(top.slice(0, 3)),
  };
}

const LABELLED_SPANS = [
  /REPORT ID:\s+\S+/,
  /PAGE:\s+\d+/,
  /(?:REPORTING FOR|ROLLUP TO|FUNDS XFER ENTITY):\s+\d+(?:\s\S.*?)?(?=\s{2,}|$)/,
  /(?:PROC DATE|REPORT DATE|LAST CHANGE):\s+\S+/,
];

/** The centred title texts of the first header lines, in order. */
export function centredTexts(lines: readonly string[]): string[] {
  const texts: string[] = [];
  for (const line of lines) {
    let rest = line;
    for (const span of LABELLED_SPANS) rest = rest.replace(span, "  ");
    for (const part of rest.split(/\s{2,}/)) {
      const text = part.trim();
      if (text) texts.push(text);
    }
  }
  return texts;
}
