/**
 * Generates Visa clearing records (the 47 fields of layout notes §6, in file order, printed
 * like the real sample: `21.000000`, `4.97`) and adds each one to the {@linkcode Aggregates}
 * as it is made, so the records are written and forgotten.
 *
 * Each record belongs to one leaf SRE (drawn by activity weight) and one settlement
 * currency (986 BRL, 840 USD, by the leaf's international share), has `source_date` = the
 * processing date, and is built to be classified (`transaction_type.ts`) as the class it was
 * drawn for: COMPRA (operation_code `01`, clearing_debit 1), SAQUE (`02`, debit 1),
 * REVERSO-DE-COMPRA in both forms (`01` with debit 0; or action code 11, empty operation
 * code, cancel 1, fee sign D) and REVERSO-DE-SAQUE in both forms (`02` with debit 0; or
 * operation_type `1` with an empty operation code). The first ten records cover every class
 * and form in both currencies, so even tiny files contain them all.
 *
 * Money: dest_value = the cleared amount in cents; clearing_value the same in millionths;
 * clearing_commission = cleared cents × the fee program's basis points (millionths), or a
 * flat fee per withdrawal; fee sign C on originals, D on reversals; BRL purchases of 100.00
 * or more are sometimes parcelled (instalment k of n clears today, its local_date k−1 months
 * back); clearing_settlement_date = processing date + the deferment (BRL purchases 27 days,
 * prepaid programs 2, everything else 0).
 *
 * Techniques: all money in BigInt; ids unique by construction (ARN and slice_code are
 * bijective scrambles of the record index, the ARN with a Luhn check digit), so no set of
 * seen ids is kept; one PRNG stream, consumed in a fixed order per record.
 *
 * @example
 * ```ts
 * import { ClearingGenerator } from "./clearing_generator.ts";
 * // const gen = new ClearingGenerator({ rng, hierarchy, scale, proc, agg });
 * // const text = gen.record(0, 1); // one JSON object, one line
 * ```
 *
 * @module
 */

import type { Aggregates } from "./aggregates.ts";
import { settlementDays, settlementGroup } from "./aggregates.ts";
import { addDays, dayOfYear, isoDate } from "./calendar.ts";
import {
  ATM_FEE_MICROS,
  COMPRA,
  CURRENCIES,
  INSTALMENT_MONTHS,
  isReversal,
  isWithdrawal,
  PROGRAMS,
  REGIONS,
  REVERSO_DE_COMPRA,
  REVERSO_DE_SAQUE,
  SAQUE,
  type Scale,
} from "./catalog.ts";
import type { Hierarchy } from "./entities.ts";
import { decimal } from "./money.ts";
import { cumulativeWeights, type Prng } from "./prng.ts";

/** What the clearing generator needs. */
export interface ClearingContext {
  rng: Prng;
  hierarchy: Hierarchy;
  scale: Scale;
  proc: Date;
  agg: Aggregates;
}

/** How a record is built for its class (§7.3 rule that classifies it). */
export type RecordForm = "original" | "debit-0" | "cancel" | "no-operation-code";

/** The acquirers records are drawn from: id, BIN and brand-side ids. */
export const ACQUIRERS = [
  { id: 37, bin: "412345", brand: ["199329", "199301"] },
  { id: 17, bin: "446622", brand: ["3908", "3908"] },
  { id: 12, bin: "471173", brand: ["210455", "210401"] },
  { id: 25, bin: "455182", brand: ["47712", "47712"] },
  { id: 41, bin: "498810", brand: ["88105", "88100"] },
] as const;
/** Merchant category codes of purchases (repeats weight the draw). */
export const PURCHASE_MCCS = [
  5411,
  5411,
  5812,
  5814,
  5912,
  5947,
  5815,
  5999,
  4121,
  5311,
  5541,
  5732,
  5651,
];
/** POS entry modes (repeats weight the draw). */
export const POS_MODES = ["07", "07", "07", "07", "05", "05", "05", "10", "10", "90", "01"];
const RATES: readonly (readonly bigint[])[] = [
  [5_809_100n, 5_811_400n, 5_807_300n],
  [5_893_800n, 5_889_900n, 5_901_200n],
];
const INSTALMENTS = [2, 3, 4, 5, 6, 10, 12];
const DAYS_BACK_WEIGHTS = [7, 3, 2, 1, 1];

/** The first records: every class and reversal form in both currencies. */
const FORCED: readonly { currency: number; klass: number; form: RecordForm }[] = [
  { currency: 0, klass: COMPRA, form: "original" },
  { currency: 0, klass: REVERSO_DE_COMPRA, form: "debit-0" },
  { currency: 0, klass: REVERSO_DE_COMPRA, form: "cancel" },
  { currency: 0, klass: SAQUE, form: "original" },
  { currency: 0, klass: REVERSO_DE_SAQUE, form: "debit-0" },
  { currency: 0, klass: REVERSO_DE_SAQUE, form: "no-operation-code" },
  { currency: 1, klass: COMPRA, form: "original" },
  { currency: 1, klass: REVERSO_DE_COMPRA, form: "cancel" },
  { currency: 1, klass: SAQUE, form: "original" },
  { currency: 1, klass: REVERSO_DE_SAQUE, form: "debit-0" },
];

const M = 1_000_000n;

/** Appends the Luhn check digit. */
export function withLuhn(digits: string): string {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return digits + String((10 - (total % 10)) % 10);
}

/** Makes clearing records and adds them to the aggregates. */
export class ClearingGenerator {
  readonly #ctx: ClearingContext;
  readonly #rng: Prng;
  readonly #programWeights: number[];
  readonly #regionWeights: number[];
  readonly #backWeights: number[];
  readonly #dates: string[];
  readonly #yddd: string[];
  readonly #sliceOffset: bigint;
  readonly #arnOffset: bigint;
  readonly #procIso: string;

  constructor(ctx: ClearingContext) {
    this.#ctx = ctx;
    this.#rng = ctx.rng;
    const { programs, regions, window } = ctx.scale;
    this.#programWeights = cumulativeWeights(PROGRAMS.slice(0, programs).map((p) => p.weight));
    this.#regionWeights = cumulativeWeights(REGIONS.slice(0, regions).map((r) => r.weight));
    this.#backWeights = cumulativeWeights(DAYS_BACK_WEIGHTS.slice(0, window));
    // ISO dates from 40 days ahead to a year back, indexed by days relative to the proc date.
    this.#dates = [];
    this.#yddd = [];
    for (let d = -40; d <= 400; d++) {
      const date = addDays(ctx.proc, -d);
      this.#dates.push(isoDate(date));
      this.#yddd.push(
        String(date.getUTCFullYear() % 10) + String(dayOfYear(date)).padStart(3, "0"),
      );
    }
    this.#sliceOffset = BigInt(this.#rng.int(0, 2 ** 31));
    this.#arnOffset = BigInt(this.#rng.int(0, 2 ** 31));
    this.#procIso = isoDate(ctx.proc);
  }

  /** ISO date `days` before the processing date (negative: after). */
  #date(daysBack: number): string {
    return this.#dates[daysBack + 40];
  }

  /** Purchase amount in cents, from a few ticket-size buckets. */
  #purchaseCents(): bigint {
    const rng = this.#rng;
    const r = rng.next();
    if (r < 0.40) return rng.big(350, 5_000);
    if (r < 0.75) return rng.big(5_000, 20_000);
    if (r < 0.95) return rng.big(20_000, 100_000);
    return rng.big(100_000, 500_000);
  }

  /**
   * The record with 0-based `index`, as one line of JSON text (no trailing comma), in file
   * `fileNo` (1-based; printed as clearing_files_row_id 1900 + fileNo).
   */
  record(index: number, fileNo: number): string {
    const rng = this.#rng;
    const { hierarchy, scale, agg } = this.#ctx;
    const leaf = rng.weighted(hierarchy.leafWeights);
    const forced = index < FORCED.length ? FORCED[index] : null;
    const usd = forced ? forced.currency === 1 : rng.chance(hierarchy.usdShare[leaf]);
    const currency = usd ? 1 : 0;
    let klass: number;
    let form: RecordForm;
    if (forced) {
      klass = forced.klass;
      form = forced.form;
    } else {
      const withdrawal = rng.chance(usd ? 0.03 : 0.08);
      const reversal = rng.chance(0.015);
      klass = withdrawal
        ? (reversal ? REVERSO_DE_SAQUE : SAQUE)
        : (reversal ? REVERSO_DE_COMPRA : COMPRA);
      form = !reversal
        ? "original"
        : rng.chance(0.3)
        ? (withdrawal ? "no-operation-code" : "cancel")
        : "debit-0";
    }
    const withdrawal = isWithdrawal(klass);
    const reversal = isReversal(klass);
    const program = withdrawal ? scale.programs : rng.weighted(this.#programWeights);
    const region = usd ? rng.weighted(this.#regionWeights) : 0;
    const acquirer = rng.pick(ACQUIRERS);

    // Amounts in cents: the purchase, and the value cleared today.
    let purchase: bigint;
    if (withdrawal) purchase = (usd ? rng.big(2, 30) : rng.big(2, 100)) * 1_000n;
    else {
      purchase = this.#purchaseCents();
      if (usd) purchase = purchase / 5n + 100n;
    }
    let installments = 1;
    let installment = 1;
    let first = purchase;
    let further = 0n;
    if (!usd && klass === COMPRA && purchase >= 10_000n && rng.chance(0.25)) {
      installments = rng.pick(INSTALMENTS);
      installment = rng.int(1, installments);
      further = purchase / BigInt(installments);
      first = purchase - further * BigInt(installments - 1);
    }
    const cleared = installment === 1 ? first : further;
    const monthsBack = installment - 1;
    if (monthsBack >= INSTALMENT_MONTHS) throw new Error("instalment beyond the date table");

    const daysBack = rng.weighted(this.#backWeights) + 1;
    const localBack = daysBack + 30 * monthsBack;
    const authRoll = rng.next();
    const authorization = authRoll < 0.07
      ? null
      : this.#date(authRoll < 0.12 ? localBack + 1 : localBack);
    const purchaseValue = usd ? (purchase * REGIONS[region].factor + M / 2n) / M : purchase;
    const rate = rng.pick(RATES[currency]);
    const cdt = usd ? (cleared * rate + M / 2n) / M : cleared;
    const commission = withdrawal
      ? ATM_FEE_MICROS[currency]
      : cleared * BigInt(PROGRAMS[program].bp);
    const commissionBrl = usd ? (commission * rate + M / 2n) / M : commission;
    const days = settlementDays(currency, klass, program);

    agg.add({
      entity: leaf,
      currency,
      klass,
      program,
      region,
      dateIndex: monthsBack * scale.window + daysBack - 1,
      group: currency === 0 ? settlementGroup(klass, days) : 0,
      dest: cleared,
      commission,
      cdt,
      commissionBrl,
      authorized: authorization !== null,
    });

    const localDate = this.#date(localBack);
    const arnSerial = (BigInt(index) * 48_271n + this.#arnOffset) % 100_000_000_000n;
    const arn = withLuhn(
      "7" + acquirer.bin + this.#yddd[localBack + 40] + String(arnSerial).padStart(11, "0"),
    );
    const slice = String(
      (BigInt(index) * 982_451_653n + this.#sliceOffset) % 900_000_000_000_000n +
        100_000_000_000_000n,
    );
    const cancel = form === "cancel";
    const operationCode = cancel || form === "no-operation-code" ? "" : withdrawal ? "02" : "01";
    const numeric = CURRENCIES[currency].numeric;
    const mcc = withdrawal ? 6011 : rng.pick(PURCHASE_MCCS);
    const pos = withdrawal ? rng.pick(["05", "90"]) : rng.pick(POS_MODES);
    return `  {"source": "VISA", "source_date": "${this.#procIso}", "dest_currency": ${numeric}, ` +
      `"arn": "${arn}", "slice_code": "${slice}", "cardbrandid": "${acquirer.brand[0]}", ` +
      `"externalid": "${acquirer.brand[1]}", "local_date": "${localDate}", ` +
      `"authorization_date": ${authorization === null ? "null" : `"${authorization}"`}, ` +
      `"purchase_value": ${decimal(purchaseValue)}, "clearing_debit": ${reversal ? 0 : 1}, ` +
      `"installment_nbr": ${installments}, "clearing_installment": ${installment}, ` +
      `"installment_value_1": ${decimal(first)}, "installment_value_n": ${decimal(further)}, ` +
      `"clearing_value": ${decimal(cleared * 10_000n, 6)}, ` +
      `"issuer_exchange_rate": ${decimal(rate, 6)}, "clearing_commission": ${
        decimal(commission, 6)
      }, ` +
      `"clearing_interchange_fee_sign": "${reversal ? "D" : "C"}", "qualifier": "", ` +
      `"bin_card": "4*****", "acquirer_id": ${acquirer.id}, "mcc": ${mcc}, ` +
      `"dest_value": ${decimal(cleared)}, "boarding_fee": 0.000000, "status": 6, ` +
      `"operation_type": "${withdrawal ? "1" : "0"}", "cdt_amount": ${decimal(cdt)}, ` +
      `"product_code": "C", "operation_code": "${operationCode}", "reason_code": "00", ` +
      `"pan": "XXXXXXXXXXXXXXXX", "late_presentation": ${daysBack >= 3 ? 1 : 0}, ` +
      `"entry_mode": "0", "pos_entry_mode": "${pos}", "clearing_files_row_id": ${1900 + fileNo}, ` +
      `"clearing_currency": ${numeric}, "clearing_boarding_fee": 0, ` +
      `"clearing_settlement_date": "${this.#date(-days)}", "clearing_presentation": 1, ` +
      `"clearing_action_code": ${cancel ? 11 : 1}, "clearing_total_partial_transaction": 0, ` +
      `"clearing_flag_partial_settlement": 0, "clearing_cancel": ${cancel ? 1 : 0}, ` +
      `"clearing_confirm": 1, "clearing_add": 0, "clearing_credit": 0}`;
  }
}
