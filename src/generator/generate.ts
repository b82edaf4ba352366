/**
 * `generate`: writes a realistic, deterministic data set — one EP747 report file and K Visa
 * clearing JSON files whose transactions agree with the reports — plus
 * `generate_summary.json` with the expected aggregates. What tests, benchmarks and demos use
 * for data of any size.
 *
 * Files (in `outDir`): `EP747_YYYYMMDD.TXT`, `VISA_TRANSACTIONAL_CLEARING_YYYYMMDD_NN.json`
 * (NN = 01..K; records dealt out in order, file NN holding records ⌊(NN−1)·N/K⌋ to
 * ⌊NN·N/K⌋ − 1), `generate_summary.json`. Same options ⇒ byte-identical files.
 *
 * ## Consistency contract
 *
 * 1. **Hierarchy.** One funds-transfer entity, `scale.rollups` rollup entities under it and
 *    `scale.leaves` leaf SREs under the rollups (10-digit ids; names may start with digits).
 *    Every report instance is printed for each leaf, then each rollup, then the
 *    funds-transfer entity (VSS-300 and VSS-900-S: rollups and funds only; VSS-100-W: once),
 *    per settlement currency: BRL (`BRAZIL CIP NNSS SERVICE`; VSS-910/930 `BRAZIL CASH DISB
 *    NATL NET SERVICE`) and USD (`INTERNATIONAL SETTLEMENT SERVICE`). Every figure of a rollup
 *    or of the funds entity is the exact sum of the same figure of its leaves (fees are
 *    rounded at the leaf, never above it).
 * 2. **Clearing records.** Each belongs to one leaf and one settlement currency (dest_currency
 *    986 → BRL, 840 → USD; clearing_currency = dest_currency), has `source_date` = the PROC
 *    DATE, and `classifyTransaction` gives its class: COMPRA, SAQUE, REVERSO-DE-COMPRA (both
 *    §7.3 forms) or REVERSO-DE-SAQUE (both forms). No UNKNOWN records.
 * 3. **VSS-120** (leaf page, per currency), under ` ISSUER TRANSACTIONS`: ` PURCHASE` →
 *    `ORIGINAL SALE` (COMPRA) and `ORIGINAL SALE        RVRSL` / `ORIGINAL SALE REVERSAL`
 *    (REVERSO-DE-COMPRA); ` ATM CASH` → `ORIGINAL WITHDRAWAL` (SAQUE) and `REVERSAL`
 *    (REVERSO-DE-SAQUE). One row per class with transactions: COUNT = number of records of
 *    the leaf, currency and class; CLEARING AMOUNT = Σ dest_value (DB for COMPRA/SAQUE, CR for
 *    reversals), repeated in INTERCHANGE VALUE DEBITS (COMPRA/SAQUE) or CREDITS (reversals).
 *    Classes without records have no row (no dispute rows); an entity without records in a
 *    currency gets a NO DATA page. TOTAL/NET rows are exact sums.
 * 4. **VSS-110** (every entity and currency): INTERCHANGE VALUE / TOTAL ISSUER: COUNT = number
 *    of records, DEBIT = Σ dest_value of COMPRA + SAQUE, CREDIT = Σ dest_value of the
 *    reversals, TOTAL = credit − debit (DB when negative). REIMBURSEMENT FEES / TOTAL ISSUER:
 *    CREDIT = Σ clearing_commission of COMPRA + SAQUE, DEBIT = the same of the reversals, each
 *    rounded half up to cents per leaf (a rollup sums its leaves' rounded cents). VISA CHARGES
 *    / TOTAL ISSUER: DEBIT = international service assessment (1 % of each leaf's USD purchase
 *    volume per fee program and region, rounded half up) + currency conversion fees (0.20 % or
 *    0.25 % for regions outside the USA), CREDIT 0; BRL: 0.00 (both in the summary's
 *    `visa_charges_*`, `international_service_assessment`, `currency_conversion_fees`).
 *    ACQUIRER and OTHER rows are 0; TOTAL rows, the TOTAL section and NET SETTLEMENT AMOUNT
 *    are exact sums. VSS-115 (FINAL SETTLEMENT NET AMOUNT) and VSS-300 (NET SETTLEMENT
 *    AMOUNT) print the same net.
 * 5. **The other reports** are exact sums of the same records, internally consistent (every
 *    TOTAL/NET row is the sum of its rows): VSS-130 (fee tree by fee program and merchant
 *    region; TOTAL ISSUER REIMB FEES = VSS-110 reimbursement credit/debit), VSS-135 (per class,
 *    settlement and BRL billing amounts), VSS-140/210/215 (USD Visa charges; BRL NO DATA),
 *    VSS-230 (always NO DATA), VSS-600 (BRL purchases) and VSS-610 (all BRL classes) by
 *    deferment group = clearing_settlement_date − source_date (27-DAY DEFER, 02-DAY DEFER, NO
 *    DEFERMENT) and transaction date (local_date), VSS-900/900-S (records received from Visa
 *    per class; POS authorisations = records with an authorization_date), VSS-910/930 (BRL
 *    withdrawals). Fees in VSS-130/600/610/910 are the leaf's commissions split by
 *    cumulative rounding, so each report's fee total equals VSS-110's.
 * 6. **Layout.** Column right edges of the layout notes' §5 catalogue and the column-header
 *    lines of its examples (VSS-135: wider invented positions, see `reports/vss_135.ts`);
 *    END markers (`***  END OF VSS-120 REPORT  ***` with two blanks), NO DATA pages,
 *    multi-page instances (continuation pages repeat the header and column headers, not the
 *    open headings), both page-start forms, lines padded to 133 columns (except a form-(b)
 *    `\f` line, its 132-column `REPORT ID:` line and VSS-110's zero-length trailer line), LF
 *    or CRLF endings.
 *
 * Techniques: streaming and constant memory — clearing records are generated and written one
 * at a time through buffered writers, keeping only per-entity aggregates (O(entities), not
 * O(records)); the EP747 file is written page by page from those aggregates; named PRNG
 * sub-streams (entities, clearing, pages) keep the parts independent and deterministic.
 *
 * @example
 * ```ts
 * import { generate } from "./generate.ts";
 * const result = await generate({ outDir: "/tmp/demo", seed: 7, pages: 200, transactions: 10_000 });
 * result.ep747.pages; // about 200
 * result.totals.BRL.classes.COMPRA.count; // BRL purchases in the clearing files
 * ```
 *
 * @module
 */

import { basename, join } from "node:path";
import { Aggregates } from "./aggregates.ts";
import { BufferedWriter } from "./buffered_writer.ts";
import { compactDate, ddmonyy, parseIsoDate } from "./calendar.ts";
import { CURRENCIES, type Scale, scaleFor } from "./catalog.ts";
import { ClearingGenerator } from "./clearing_generator.ts";
import { buildHierarchy } from "./entities.ts";
import { writeEp747 } from "./ep747_generator.ts";
import type { Ep747Stats } from "./ep747_writer.ts";
import { Prng } from "./prng.ts";
import type { ReportContext } from "./reports/common.ts";
import { type CurrencyTotals, currencyTotals, entitySummaries } from "./summary.ts";

/** Options of {@linkcode generate}. */
export interface GenerateOptions {
  /** Folder to write into (created if missing). */
  outDir: string;
  /** PRNG seed (a 32-bit integer). @default 1 */
  seed?: number;
  /** Approximate number of EP747 pages; drives the number of entities and detail rows. @default 60 */
  pages?: number;
  /** Number of clearing records. @default 1000 */
  transactions?: number;
  /** Number of clearing JSON files (1–99). @default 1 */
  files?: number;
  /** The processing date `YYYY-MM-DD`. @default "2024-07-05" */
  procDate?: string;
  /** Line ending of the EP747 file. @default "lf" */
  lineEnding?: "lf" | "crlf";
}

/** The limits of the options. */
export const LIMITS = {
  seed: [0, 4_294_967_295],
  pages: [1, 10_000_000],
  transactions: [0, 1_000_000_000],
  files: [1, 99],
} as const;

/** What {@linkcode generate} wrote. */
export interface GenerateResult {
  /** The folder written into. */
  outDir: string;
  /** The seed used. */
  seed: number;
  /** The processing date, `YYYY-MM-DD`. */
  procDate: string;
  /** The hierarchy and detail sizes chosen for the requested page count. */
  scale: Scale;
  /** The EP747 file: path, size and page statistics. */
  ep747: { path: string; bytes: number } & Ep747Stats;
  /** The clearing files: paths, records and bytes. */
  clearing: { paths: string[]; records: number; bytes: number };
  /** Path of `generate_summary.json`. */
  summaryPath: string;
  /** Expected totals per settlement currency (`BRL`, `USD`), as in the summary file. */
  totals: Record<string, CurrencyTotals>;
  /** How long generation took, in milliseconds. */
  durationMs: number;
}

/** Checks the options and fills in the defaults; throws a `RangeError` naming the option. */
export function resolveOptions(options: GenerateOptions): Required<GenerateOptions> {
  const resolved = {
    outDir: options.outDir,
    seed: options.seed ?? 1,
    pages: options.pages ?? 60,
    transactions: options.transactions ?? 1000,
    files: options.files ?? 1,
    procDate: options.procDate ?? "2024-07-05",
    lineEnding: options.lineEnding ?? "lf",
  };
  if (!resolved.outDir) throw new RangeError("outDir: a folder is required");
  for (const key of ["seed", "pages", "transactions", "files"] as const) {
    const [min, max] = LIMITS[key];
    const value = resolved[key];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new RangeError(`${key}: expected an integer from ${min} to ${max}, got ${value}`);
    }
  }
  parseIsoDate(resolved.procDate);
  if (resolved.lineEnding !== "lf" && resolved.lineEnding !== "crlf") {
    throw new RangeError(`lineEnding: expected "lf" or "crlf", got "${resolved.lineEnding}"`);
  }
  return resolved;
}

/** Records per buffered write of a clearing file. */
const RECORDS_PER_CHUNK = 64;

/** Generates the data set; see the module documentation for the files and the contract. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const o = resolveOptions(options);
  const proc = parseIsoDate(o.procDate);
  const day = compactDate(proc);
  await Deno.mkdir(o.outDir, { recursive: true });

  const rng = new Prng(o.seed);
  const scale = scaleFor(o.pages);
  const hierarchy = buildHierarchy(rng.fork("entities"), scale.leaves, scale.rollups);
  const agg = new Aggregates(scale, hierarchy.all.length);
  const ctx: ReportContext = { agg, hierarchy, scale, proc, procText: ddmonyy(proc) };

  // Clearing files: records are made, written and forgotten; only the aggregates remain.
  const generator = new ClearingGenerator({
    rng: rng.fork("clearing"),
    hierarchy,
    scale,
    proc,
    agg,
  });
  const paths: string[] = [];
  let clearingBytes = 0;
  for (let f = 1; f <= o.files; f++) {
    const path = join(
      o.outDir,
      `VISA_TRANSACTIONAL_CLEARING_${day}_${String(f).padStart(2, "0")}.json`,
    );
    const from = Math.floor(((f - 1) * o.transactions) / o.files);
    const to = Math.floor((f * o.transactions) / o.files);
    const out = await BufferedWriter.create(path);
    try {
      let chunk = "[";
      for (let i = from; i < to; i++) {
        chunk += (i === from ? "\n" : ",\n") + generator.record(i, f);
        if ((i - from) % RECORDS_PER_CHUNK === RECORDS_PER_CHUNK - 1) {
          await out.write(chunk);
          chunk = "";
        }
      }
      await out.write(chunk + "\n]\n");
    } finally {
      await out.close();
    }
    paths.push(path);
    clearingBytes += out.bytes;
  }
  for (const leaf of hierarchy.leaves) {
    agg.finalizeLeaf(leaf.index, [leaf.parent, hierarchy.funds.index]);
  }

  // The EP747 file, page by page.
  const ep747Path = join(o.outDir, `EP747_${day}.TXT`);
  const ep747Out = await BufferedWriter.create(ep747Path);
  let stats: Ep747Stats;
  try {
    stats = await writeEp747(ep747Out, ctx, {
      rng: rng.fork("pages"),
      eol: o.lineEnding === "crlf" ? "\r\n" : "\n",
    });
  } finally {
    await ep747Out.close();
  }

  const totals = Object.fromEntries(
    CURRENCIES.map((c) => [c.code, currencyTotals(ctx, hierarchy.funds.index, c.index)]),
  );
  const summaryPath = join(o.outDir, "generate_summary.json");
  const summary = {
    generator: "finstream generate",
    seed: o.seed,
    proc_date: o.procDate,
    options: {
      pages: o.pages,
      transactions: o.transactions,
      files: o.files,
      line_ending: o.lineEnding,
    },
    scale,
    files: {
      ep747: `EP747_${day}.TXT`,
      clearing: paths.map((p) => basename(p)),
    },
    ep747: {
      bytes: ep747Out.bytes,
      pages: stats.pages,
      lines: stats.lines,
      instances: stats.instances,
      no_data_pages: stats.noDataPages,
      multi_page_instances: stats.multiPageInstances,
      form_b_pages: stats.formBPages,
      pages_by_report: stats.pagesByReport,
    },
    clearing: { records: o.transactions, bytes: clearingBytes },
    hierarchy: {
      funds: { id: hierarchy.funds.id, name: hierarchy.funds.name },
      rollups: hierarchy.rollups.map((r) => ({
        id: r.id,
        name: r.name,
        leaves: hierarchy.leaves.filter((l) => l.parent === r.index).map((l) => l.id),
      })),
    },
    totals,
    entities: entitySummaries(agg, hierarchy),
  };
  await Deno.writeTextFile(summaryPath, JSON.stringify(summary, null, 2) + "\n");

  return {
    outDir: o.outDir,
    seed: o.seed,
    procDate: o.procDate,
    scale,
    ep747: { path: ep747Path, bytes: ep747Out.bytes, ...stats },
    clearing: { paths, records: o.transactions, bytes: clearingBytes },
    summaryPath,
    totals,
    durationMs: performance.now() - started,
  };
}
