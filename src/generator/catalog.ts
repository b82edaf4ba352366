/**
 * The fixed vocabulary of the generated data: settlement currencies and their services,
 * transaction classes, card fee programs, merchant regions, and how the size options scale
 * the hierarchy and the detail dimensions.
 *
 * Techniques: plain data tables (no logic beyond lookups) shared by the clearing generator,
 * the aggregates and the report builders, so that a clearing record's cell and the report
 * row it lands in are decided by the same table; `scaleFor` maps `--pages` to sizes with
 * logarithmic steps (more pages ⇒ more leaves, fee programs, regions and dates).
 *
 * @example
 * ```ts
 * import { CURRENCIES, PROGRAMS, scaleFor } from "./catalog.ts";
 * CURRENCIES[0].code; // "BRL"
 * PROGRAMS[0].label; // "CREDIT STANDARD"
 * scaleFor(100).leaves; // number of leaf SREs for a 100-page file
 * ```
 *
 * @module
 */

/** A settlement currency, the service its pages print and its ISO numeric code. */
export interface Currency {
  index: 0 | 1;
  code: "BRL" | "USD";
  numeric: 986 | 840;
  service: string;
  /** Network heading of its fee rows (VSS-130/140). */
  network: string;
}

/** BRL (Brazil national, CIP) and USD (international). */
export const CURRENCIES: readonly Currency[] = [
  {
    index: 0,
    code: "BRL",
    numeric: 986,
    service: "BRAZIL CIP NNSS SERVICE",
    network: "VISA L.A.C.",
  },
  {
    index: 1,
    code: "USD",
    numeric: 840,
    service: "INTERNATIONAL SETTLEMENT SERVICE",
    network: "VISA INTERNATIONAL",
  },
];

/** The service of the Brazil national cash-disbursement reports (VSS-910, VSS-930). */
export const CASH_SERVICE = "BRAZIL CASH DISB NATL NET SERVICE";

/** Clearing classes the generator produces (`transaction_type.ts`), by index. */
export const CLASSES = ["COMPRA", "SAQUE", "REVERSO-DE-COMPRA", "REVERSO-DE-SAQUE"] as const;

/** One of {@linkcode CLASSES}. */
export type GeneratedClass = typeof CLASSES[number];

export const COMPRA = 0;
export const SAQUE = 1;
export const REVERSO_DE_COMPRA = 2;
export const REVERSO_DE_SAQUE = 3;

/** True for the two reversal classes. */
export function isReversal(k: number): boolean {
  return k >= 2;
}

/** True for the withdrawal classes (SAQUE, REVERSO-DE-SAQUE). */
export function isWithdrawal(k: number): boolean {
  return k === SAQUE || k === REVERSO_DE_SAQUE;
}

/** A card fee program: its VSS-130 row label, interchange rate and settlement deferment. */
export interface FeeProgram {
  label: string;
  /** Interchange (clearing_commission) in basis points of the cleared value. */
  bp: number;
  /** Relative frequency. */
  weight: number;
  /** BRL purchases of this program settle this many days after the processing date. */
  brlDeferDays: number;
}

/** Purchase fee programs; the first `scale.programs` are used. */
export const PROGRAMS: readonly FeeProgram[] = [
  { label: "CREDIT STANDARD", bp: 100, weight: 30, brlDeferDays: 27 },
  { label: "CREDIT GOLD", bp: 115, weight: 18, brlDeferDays: 27 },
  { label: "PREPAID", bp: 90, weight: 8, brlDeferDays: 2 },
  { label: "CREDIT PLATINUM", bp: 130, weight: 12, brlDeferDays: 27 },
  { label: "CREDIT SIGNATURE", bp: 150, weight: 6, brlDeferDays: 27 },
  { label: "BUSINESS", bp: 185, weight: 5, brlDeferDays: 27 },
  { label: "CREDIT INFINITE", bp: 160, weight: 4, brlDeferDays: 27 },
  { label: "CORPORATE", bp: 170, weight: 4, brlDeferDays: 27 },
  { label: "CREDIT CLASSIC", bp: 105, weight: 6, brlDeferDays: 27 },
  { label: "PURCHASING", bp: 175, weight: 2, brlDeferDays: 27 },
  { label: "PREPAID CORPORATE", bp: 95, weight: 2, brlDeferDays: 2 },
  { label: "CREDIT ELECTRON", bp: 110, weight: 3, brlDeferDays: 27 },
];

/** The fee-program label of withdrawals (one program; a flat fee per withdrawal). */
export const ATM_PROGRAM = "ATM STANDARD";

/** Flat interchange per withdrawal, in millionths, by currency index. */
export const ATM_FEE_MICROS: readonly bigint[] = [2_200_000n, 750_000n];

/** A merchant region of international (USD) transactions. */
export interface Region {
  /** Jurisdiction heading of VSS-130/140 (`BRAZIL - EUROPE`). */
  label: string;
  weight: number;
  /** Merchant currency per USD, in millionths (purchase_value = dest_value × factor). */
  factor: bigint;
  /** Currency conversion fee in basis points (0: merchant currency is USD). */
  ccfBp: number;
}

/** The jurisdiction of every BRL (domestic) transaction. */
export const DOMESTIC_REGION = "BRAZIL - BRAZIL";

/** USD merchant regions; the first `scale.regions` are used. */
export const REGIONS: readonly Region[] = [
  { label: "BRAZIL - USA", weight: 40, factor: 1_000_000n, ccfBp: 0 },
  { label: "BRAZIL - EUROPE", weight: 25, factor: 920_000n, ccfBp: 20 },
  { label: "BRAZIL - UNITED KINGDOM", weight: 8, factor: 790_000n, ccfBp: 20 },
  { label: "BRAZIL - LATIN AMERICA", weight: 10, factor: 5_630_000n, ccfBp: 25 },
  { label: "BRAZIL - ASIA PACIFIC", weight: 7, factor: 7_250_000n, ccfBp: 25 },
  { label: "BRAZIL - CANADA", weight: 5, factor: 1_370_000n, ccfBp: 20 },
  { label: "BRAZIL - MIDDLE EAST", weight: 3, factor: 3_670_000n, ccfBp: 25 },
  { label: "BRAZIL - AFRICA", weight: 2, factor: 18_400_000n, ccfBp: 25 },
];

/** International service assessment on USD purchases, in basis points. */
export const ISA_BP = 100;

/** Deferment groups of the BRL settlement reports (VSS-600/610/910), by days. */
export function defermentLabel(days: number): string {
  return days === 0 ? "NO DEFERMENT" : `${String(days).padStart(2, "0")}-DAY DEFER`;
}

/** Instalments go back one month (30 days) per instalment already cleared, up to 11. */
export const INSTALMENT_MONTHS = 12;

/** Sizes derived from the options. */
export interface Scale {
  /** Leaf SREs. */
  leaves: number;
  /** Rollup entities (each has at least one leaf). */
  rollups: number;
  /** Purchase fee programs used (prefix of {@linkcode PROGRAMS}). */
  programs: number;
  /** USD merchant regions used (prefix of {@linkcode REGIONS}). */
  regions: number;
  /** Transactions happened 1..window days before the processing date (first instalment). */
  window: number;
}

/** Approximate EP747 pages per leaf SRE (its report instances and its share of the rest). */
export const PAGES_PER_LEAF = 32;

/**
 * Sizes for a file of about `pages` pages: leaves grow linearly, detail dimensions
 * (programs, regions, transaction dates) logarithmically.
 */
export function scaleFor(pages: number): Scale {
  const step = Math.max(0, Math.floor(Math.log2(Math.max(1, pages) / 50)));
  const leaves = Math.max(3, Math.round(pages / PAGES_PER_LEAF));
  return {
    leaves,
    rollups: Math.min(leaves, Math.max(2, Math.ceil(leaves / 12))),
    programs: Math.min(PROGRAMS.length, 4 + step),
    regions: Math.min(REGIONS.length, 3 + step),
    window: Math.min(5, 2 + Math.floor(step / 2)),
  };
}
