/**
 * The only state the generator keeps about the clearing transactions: per entity, sums and
 * counts in three small dense tables, from which every report figure is derived.
 *
 * - **class cells** (currency × class): count, Σ dest_value, Σ clearing_commission,
 *   Σ cdt_amount, Σ commission in BRL, authorised count; and the BRL fee in cents.
 * - **fee cells** (currency × original/reversal × fee program × merchant region): count,
 *   Σ dest_value, Σ clearing_commission; the fee in cents; the Visa charges in cents (ISA and
 *   currency conversion fee, USD purchases only). Withdrawals are program index `programs`.
 * - **settlement cells** (BRL only; deferment group × transaction date): count, Σ dest_value,
 *   Σ clearing_commission; the fee in cents.
 *
 * Memory is O(entities × cells): independent of the number of transactions and of the size
 * of the files written.
 *
 * Techniques: `BigInt64Array` tables indexed by computed offsets (no per-cell objects, exact
 * integer money); leaf-level rounding with {@linkcode CentRounder} over each table's row order,
 * so the rounded fees of a table always add up to the rounded total of the entity's
 * commissions (what VSS-110 prints); rollups and the funds entity are then the plain sums of
 * their leaves' cells, so every figure of a higher level is exactly the sum of its leaves.
 *
 * @example
 * ```ts
 * import { Aggregates } from "./aggregates.ts";
 * import { scaleFor } from "./catalog.ts";
 * const agg = new Aggregates(scaleFor(100), 6);
 * agg.add({ entity: 0, currency: 0, klass: 0, program: 0, region: 0, dateIndex: 0, group: 0,
 *   dest: 2100n, commission: 273_000n, cdt: 2100n, commissionBrl: 273_000n, authorized: true });
 * agg.classCell(0, 0, 0).count; // 1n
 * ```
 *
 * @module
 */

import { basisPoints, CentRounder, microsToCents } from "./money.ts";
import {
  COMPRA,
  ISA_BP,
  isReversal,
  PROGRAMS,
  REGIONS,
  REVERSO_DE_COMPRA,
  REVERSO_DE_SAQUE,
  SAQUE,
  type Scale,
} from "./catalog.ts";

/** The BRL settlement groups (class and deferment days) of VSS-600/610/910, in print order. */
export const SETTLEMENT_GROUPS: readonly { klass: number; days: number }[] = [
  { klass: COMPRA, days: 27 },
  { klass: COMPRA, days: 2 },
  { klass: REVERSO_DE_COMPRA, days: 0 },
  { klass: SAQUE, days: 0 },
  { klass: REVERSO_DE_SAQUE, days: 0 },
];

/** The settlement group index of a BRL transaction. */
export function settlementGroup(klass: number, days: number): number {
  const g = SETTLEMENT_GROUPS.findIndex((s) => s.klass === klass && s.days === days);
  if (g < 0) throw new RangeError(`no settlement group for class ${klass}, ${days} days`);
  return g;
}

/** Days from the processing date to clearing_settlement_date, by currency, class, program. */
export function settlementDays(currency: number, klass: number, program: number): number {
  if (currency !== 0 || klass !== COMPRA) return 0;
  return PROGRAMS[program].brlDeferDays;
}

/** What one clearing transaction adds. */
export interface Contribution {
  entity: number;
  currency: number;
  klass: number;
  /** Fee program index; `scale.programs` for withdrawals. */
  program: number;
  /** Merchant region index (0 for BRL). */
  region: number;
  /** Transaction date index: months back × window + (days back − 1). */
  dateIndex: number;
  /** Settlement group (BRL only; see {@linkcode SETTLEMENT_GROUPS}). */
  group: number;
  /** dest_value in cents. */
  dest: bigint;
  /** clearing_commission in millionths. */
  commission: bigint;
  /** cdt_amount in cents. */
  cdt: bigint;
  /** The commission in BRL, millionths. */
  commissionBrl: bigint;
  authorized: boolean;
}

/** Figures of one class cell. */
export interface ClassCell {
  count: bigint;
  dest: bigint;
  commission: bigint;
  cdt: bigint;
  /** The commission in BRL, rounded to cents at the leaf. */
  feeBrl: bigint;
  authorized: bigint;
}

/** Figures of one fee or settlement cell. */
export interface FeeCell {
  count: bigint;
  dest: bigint;
  commission: bigint;
  /** The commission in cents (cumulative rounding at the leaf). */
  fee: bigint;
  /** International service assessment, cents (USD purchases). */
  isa: bigint;
  /** Currency conversion fee, cents (USD purchases outside the USA). */
  ccf: bigint;
}

const CLASS_FIELDS = 6; // count, dest, commission, cdt, commissionBrl→feeBrl, authorized
const FEE_FIELDS = 6; // count, dest, commission, fee, isa, ccf
const SETTLE_FIELDS = 4; // count, dest, commission, fee

/** Per-entity sums of the generated transactions. */
export class Aggregates {
  readonly scale: Scale;
  readonly entities: number;
  /** Months × window: the number of distinct transaction dates. */
  readonly dates: number;
  readonly #classes: BigInt64Array;
  readonly #fees: BigInt64Array;
  readonly #settle: BigInt64Array;
  readonly #feeCells: number;
  readonly #feeOffset: [number, number];
  readonly #settleCells: number;
  readonly #commissionBrl: BigInt64Array;

  constructor(scale: Scale, entities: number) {
    this.scale = scale;
    this.entities = entities;
    this.dates = 12 * scale.window;
    const lines = 2 * (scale.programs + 1);
    this.#feeOffset = [0, lines];
    this.#feeCells = lines + lines * scale.regions;
    this.#settleCells = SETTLEMENT_GROUPS.length * this.dates;
    this.#classes = new BigInt64Array(entities * 8 * CLASS_FIELDS);
    this.#commissionBrl = new BigInt64Array(entities * 8);
    this.#fees = new BigInt64Array(entities * this.#feeCells * FEE_FIELDS);
    this.#settle = new BigInt64Array(entities * this.#settleCells * SETTLE_FIELDS);
  }

  #classBase(entity: number, currency: number, klass: number): number {
    return entity * 8 + currency * 4 + klass;
  }

  #feeBase(entity: number, currency: number, reversal: boolean, program: number, region: number) {
    const regions = currency === 0 ? 1 : this.scale.regions;
    const cell = this.#feeOffset[currency] +
      ((reversal ? this.scale.programs + 1 : 0) + program) * regions + region;
    return (entity * this.#feeCells + cell) * FEE_FIELDS;
  }

  #settleBase(entity: number, group: number, dateIndex: number): number {
    return (entity * this.#settleCells + group * this.dates + dateIndex) * SETTLE_FIELDS;
  }

  /** Adds one transaction to its leaf's cells. */
  add(t: Contribution): void {
    const ci = this.#classBase(t.entity, t.currency, t.klass);
    const c = this.#classes;
    const cb = ci * CLASS_FIELDS;
    c[cb]++;
    c[cb + 1] += t.dest;
    c[cb + 2] += t.commission;
    c[cb + 3] += t.cdt;
    if (t.authorized) c[cb + 5]++;
    this.#commissionBrl[ci] += t.commissionBrl;
    const f = this.#fees;
    const fb = this.#feeBase(t.entity, t.currency, isReversal(t.klass), t.program, t.region);
    f[fb]++;
    f[fb + 1] += t.dest;
    f[fb + 2] += t.commission;
    if (t.currency === 0) {
      const s = this.#settle;
      const sb = this.#settleBase(t.entity, t.group, t.dateIndex);
      s[sb]++;
      s[sb + 1] += t.dest;
      s[sb + 2] += t.commission;
    }
  }

  /**
   * Rounds a leaf's fees to cents and derives its Visa charges, then adds all its cells to
   * its ancestors (`parents`: rollup, then funds entity). Call once per leaf, after the last
   * {@linkcode add}.
   */
  finalizeLeaf(entity: number, parents: readonly number[]): void {
    const { programs, regions } = this.scale;
    for (let currency = 0; currency < 2; currency++) {
      const regionCount = currency === 0 ? 1 : regions;
      for (const reversal of [false, true]) {
        const rounder = new CentRounder();
        for (let program = 0; program <= programs; program++) {
          for (let region = 0; region < regionCount; region++) {
            const b = this.#feeBase(entity, currency, reversal, program, region);
            const f = this.#fees;
            f[b + 3] = rounder.add(f[b + 2]);
            if (currency === 1 && !reversal && program < programs) {
              f[b + 4] = basisPoints(f[b + 1], ISA_BP);
              f[b + 5] = basisPoints(f[b + 1], REGIONS[region].ccfBp);
            }
          }
        }
      }
      for (let klass = 0; klass < 4; klass++) {
        const ci = this.#classBase(entity, currency, klass);
        this.#classes[ci * CLASS_FIELDS + 4] = microsToCents(this.#commissionBrl[ci]);
      }
    }
    for (const reversal of [false, true]) {
      const rounder = new CentRounder();
      SETTLEMENT_GROUPS.forEach((g, group) => {
        if (isReversal(g.klass) !== reversal) return;
        for (let d = 0; d < this.dates; d++) {
          const b = this.#settleBase(entity, group, d);
          this.#settle[b + 3] = rounder.add(this.#settle[b + 2]);
        }
      });
    }
    for (const parent of parents) this.#addEntity(parent, entity);
  }

  #addEntity(to: number, from: number): void {
    const spans: [BigInt64Array, number][] = [
      [this.#classes, 8 * CLASS_FIELDS],
      [this.#fees, this.#feeCells * FEE_FIELDS],
      [this.#settle, this.#settleCells * SETTLE_FIELDS],
    ];
    for (const [table, size] of spans) {
      const a = to * size;
      const b = from * size;
      for (let i = 0; i < size; i++) table[a + i] += table[b + i];
    }
  }

  /** The figures of one class cell. */
  classCell(entity: number, currency: number, klass: number): ClassCell {
    const b = this.#classBase(entity, currency, klass) * CLASS_FIELDS;
    const c = this.#classes;
    return {
      count: c[b],
      dest: c[b + 1],
      commission: c[b + 2],
      cdt: c[b + 3],
      feeBrl: c[b + 4],
      authorized: c[b + 5],
    };
  }

  /** The figures of one fee cell (`program` = `scale.programs` for withdrawals). */
  feeCell(
    entity: number,
    currency: number,
    reversal: boolean,
    program: number,
    region: number,
  ): FeeCell {
    const b = this.#feeBase(entity, currency, reversal, program, region);
    const f = this.#fees;
    return {
      count: f[b],
      dest: f[b + 1],
      commission: f[b + 2],
      fee: f[b + 3],
      isa: f[b + 4],
      ccf: f[b + 5],
    };
  }

  /** The figures of one BRL settlement cell. */
  settlementCell(entity: number, group: number, dateIndex: number): FeeCell {
    const b = this.#settleBase(entity, group, dateIndex);
    const s = this.#settle;
    return { count: s[b], dest: s[b + 1], commission: s[b + 2], fee: s[b + 3], isa: 0n, ccf: 0n };
  }
}
