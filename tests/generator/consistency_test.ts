/**
 * The generator's consistency contract (`src/generator/generate.ts`), checked from the
 * files it writes: the clearing JSON parsed here with `JSON.parse` (numbers kept as source
 * text, summed as BigInt), the EP747 text read by column positions, and
 * `generate_summary.json`.
 *
 * Checked: every record has the 47 fields in order, source_date = PROC DATE, a known
 * currency, and `classifyTransaction` gives one of the four classes (both reversal forms of
 * each occur), and the product's `processRecord` validates it and agrees on the class; the leaf VSS-120 rows classify (`classifyAmountLine`) as the class they stand
 * for and sum, per currency and class, to the records' count and Σ dest_value; VSS-110 leaf
 * interchange sums equal the records, reimbursement fees are within half a cent per leaf of
 * the records' commissions, and rollup and funds figures are the exact sums of their
 * children; VSS-115 and VSS-300 print VSS-110's net; VSS-130's fee totals equal VSS-110's;
 * the summary agrees with all of it.
 *
 * @module
 */

import assert from "node:assert/strict";
import { CLEARING_FIELDS } from "../../src/models/transaction.ts";
import { processRecord } from "../../src/processor/record_processor.ts";
import { classifyAmountLine } from "../../src/processor/report_class.ts";
import { classifyTransaction } from "../../src/processor/transaction_type.ts";
import { generate, type GenerateResult } from "../../src/generator/generate.ts";
import {
  labelOf,
  readClearing,
  readPages,
  type TextPage,
  units,
  valuesByEnd,
} from "./ep747_text.ts";

const CLASSES = ["COMPRA", "SAQUE", "REVERSO-DE-COMPRA", "REVERSO-DE-SAQUE"];
const CURRENCY = { "986": "BRL", "840": "USD" } as Record<string, string>;

interface Sums {
  count: bigint;
  dest: bigint;
  commission: bigint;
}
const zero = (): Sums => ({ count: 0n, dest: 0n, commission: 0n });

interface Fixture {
  result: GenerateResult;
  pages: TextPage[];
  summary: {
    proc_date: string;
    hierarchy: { funds: { id: string }; rollups: { id: string; leaves: string[] }[] };
    totals: Record<
      string,
      Record<string, unknown> & { classes: Record<string, Record<string, unknown>> }
    >;
  };
  /** By "BRL COMPRA". */
  clearing: Map<string, Sums>;
  forms: Set<string>;
}

async function fixture(seed: number, pages: number, transactions: number): Promise<Fixture> {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_consistency_" });
  try {
    const result = await generate({ outDir: dir, seed, pages, transactions, files: 3 });
    const summary = JSON.parse(await Deno.readTextFile(result.summaryPath));
    const clearing = new Map<string, Sums>();
    const forms = new Set<string>();
    for (const path of result.clearing.paths) {
      const text = await Deno.readTextFile(path);
      const lines = text.split("\n").filter((l) => l.startsWith("  {"));
      for (const [index, r] of readClearing(text).entries()) {
        assert.deepEqual(Object.keys(r), [...CLEARING_FIELDS]);
        assert.equal(r.source_date, summary.proc_date);
        const currency = CURRENCY[r.dest_currency!];
        assert.ok(currency, `dest_currency ${r.dest_currency}`);
        assert.equal(r.clearing_currency, r.dest_currency);
        const klass = classifyTransaction({
          slice_code: r.slice_code!,
          clearing_action_code: r.clearing_action_code!,
          operation_code: r.operation_code!,
          clearing_cancel: r.clearing_cancel!,
          clearing_interchange_fee_sign: r.clearing_interchange_fee_sign!,
          operation_type: r.operation_type!,
          clearing_debit: r.clearing_debit!,
          reason_code: r.reason_code!,
        });
        assert.ok(CLASSES.includes(klass), `class ${klass}`);
        // The product's own record pipeline accepts the record and agrees on its class.
        const segment = {
          index,
          line: index + 2,
          byteStart: 0,
          byteEnd: 0,
          text: lines[index].replace(/,$/, ""),
        };
        assert.equal(processRecord(segment, path).transaction_type, klass);
        assert.match(r.clearing_value!, /^\d+\.\d{6}$/);
        assert.match(r.dest_value!, /^\d+\.\d{2}$/);
        assert.equal(units(r.clearing_value!, 6), units(r.dest_value!, 2) * 10_000n);
        forms.add(`${klass} op=${r.operation_code} action=${r.clearing_action_code}`);
        const key = `${currency} ${klass}`;
        const s = clearing.get(key) ?? zero();
        s.count++;
        s.dest += units(r.dest_value!, 2);
        s.commission += units(r.clearing_commission!, 6);
        clearing.set(key, s);
      }
    }
    return {
      result,
      pages: readPages(await Deno.readTextFile(result.ep747.path)),
      summary,
      clearing,
      forms,
    };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The VSS-120 rows of a page: class by (type heading, label), count and clearing amount. */
const ROWS_120: Record<string, string> = {
  "PURCHASE|ORIGINAL SALE": "COMPRA",
  "PURCHASE|ORIGINAL SALE        RVRSL": "REVERSO-DE-COMPRA",
  "PURCHASE|ORIGINAL SALE REVERSAL": "REVERSO-DE-COMPRA",
  "ATM CASH|ORIGINAL WITHDRAWAL": "SAQUE",
  "ATM CASH|REVERSAL": "REVERSO-DE-SAQUE",
};

/** VSS-110 rows by section and label: count 51, credit 77, debit 103, total 129. */
function rows110(page: TextPage): Map<string, Map<number, bigint>> {
  const out = new Map<string, Map<number, bigint>>();
  let section = "";
  for (const line of page.lines.slice(6)) {
    if (/^ [A-Z]/.test(line) && valuesByEnd(line).size === 0) section = line.trim();
    const values = valuesByEnd(line);
    if (values.size > 0) out.set(`${section}|${labelOf(line, 30)}`, values);
  }
  return out;
}

const instancesOf = (f: Fixture, id: string) => f.pages.filter((p) => p.reportId === id);

for (const [seed, pages, transactions] of [[7, 300, 6000], [99, 60, 400]] as const) {
  Deno.test(`generator consistency contract (seed ${seed}, ${pages} pages, ${transactions} records)`, async (t) => {
    const f = await fixture(seed, pages, transactions);
    const leaves = new Set(f.summary.hierarchy.rollups.flatMap((r) => r.leaves));
    const rollups = f.summary.hierarchy.rollups;
    const fundsId = f.summary.hierarchy.funds.id;

    await t.step("clearing records: every class, both reversal forms of each", () => {
      for (const c of ["BRL", "USD"]) {
        for (const k of CLASSES) {
          assert.ok((f.clearing.get(`${c} ${k}`)?.count ?? 0n) > 0n, `${c} ${k}`);
        }
      }
      const forms = [...f.forms].join("\n");
      assert.match(forms, /REVERSO-DE-COMPRA op=01 action=1/);
      assert.match(forms, /REVERSO-DE-COMPRA op= action=11/);
      assert.match(forms, /REVERSO-DE-SAQUE op=02 action=1/);
      assert.match(forms, /REVERSO-DE-SAQUE op= action=1/);
    });

    await t.step("summary totals equal the clearing records", () => {
      for (const [key, s] of f.clearing) {
        const [currency, klass] = key.split(" ");
        const expected = f.summary.totals[currency].classes[klass];
        assert.equal(BigInt(expected.count as number), s.count, key);
        assert.equal(units(expected.dest_value as string, 2), s.dest, key);
        assert.equal(units(expected.clearing_commission as string, 6), s.commission, key);
      }
    });

    await t.step("VSS-120 leaf rows: classes, counts and clearing amounts", () => {
      const sums = new Map<string, Sums>();
      let type = "";
      for (const page of instancesOf(f, "VSS-120")) {
        if (!leaves.has(page.entityId)) continue;
        for (const line of page.lines.slice(7)) {
          if (/^ {3}[A-Z]/.test(line) && valuesByEnd(line).size === 0) type = line.trim();
          const klass = ROWS_120[`${type}|${labelOf(line, 39)}`];
          if (!klass) continue;
          assert.equal(classifyAmountLine(["ISSUER TRANSACTIONS", type], labelOf(line, 39)), klass);
          const v = valuesByEnd(line);
          const amount = v.get(87)!;
          assert.equal(amount < 0n, !klass.startsWith("REVERSO"), `sign of ${line}`);
          assert.equal(
            v.get(klass.startsWith("REVERSO") ? 110 : 131),
            amount < 0n ? -amount : amount,
          );
          const key = `${page.currency} ${klass}`;
          const s = sums.get(key) ?? zero();
          s.count += v.get(66)!;
          s.dest += amount < 0n ? -amount : amount;
          sums.set(key, s);
        }
      }
      for (const [key, s] of f.clearing) {
        assert.equal(sums.get(key)?.count, s.count, `${key} count`);
        assert.equal(sums.get(key)?.dest, s.dest, `${key} clearing amount`);
      }
      assert.equal(sums.size, f.clearing.size);
    });

    await t.step("VSS-110: leaf sums, rollup and funds sums, summary", () => {
      const byEntity = new Map<string, Map<string, Map<number, bigint>>>();
      for (const page of instancesOf(f, "VSS-110")) {
        const key = `${page.entityId} ${page.currency}`;
        const rows = byEntity.get(key) ?? new Map();
        for (const [k, v] of rows110(page)) rows.set(k, v);
        byEntity.set(key, rows);
      }
      const row = (entity: string, currency: string, k: string) =>
        byEntity.get(`${entity} ${currency}`)!.get(k)!;
      for (const currency of ["BRL", "USD"]) {
        const leafSum = new Map<number, bigint>();
        let fees = 0n;
        for (const leaf of leaves) {
          const issuer = row(leaf, currency, "INTERCHANGE VALUE|TOTAL ISSUER");
          for (const [col, v] of issuer) leafSum.set(col, (leafSum.get(col) ?? 0n) + v);
          fees += row(leaf, currency, "REIMBURSEMENT FEES|TOTAL ISSUER").get(77)!;
          assert.equal(row(leaf, currency, "INTERCHANGE VALUE|TOTAL ACQUIRER").get(103), 0n);
        }
        const c = (k: string) => f.clearing.get(`${currency} ${k}`) ?? zero();
        assert.equal(
          leafSum.get(51),
          c("COMPRA").count + c("SAQUE").count + c("REVERSO-DE-COMPRA").count +
            c("REVERSO-DE-SAQUE").count,
        );
        assert.equal(leafSum.get(103), c("COMPRA").dest + c("SAQUE").dest);
        assert.equal(leafSum.get(77), c("REVERSO-DE-COMPRA").dest + c("REVERSO-DE-SAQUE").dest);
        assert.equal(leafSum.get(129), leafSum.get(77)! - leafSum.get(103)!);
        // Fees are rounded per leaf: within half a cent per leaf of the exact commissions.
        const micros = c("COMPRA").commission + c("SAQUE").commission;
        const diff = fees * 10_000n - micros;
        assert.ok(
          (diff < 0n ? -diff : diff) <= 5_000n * BigInt(leaves.size),
          `${currency} fees ${fees}`,
        );

        // Rollups and the funds entity are exact sums of their children, row by row.
        const sumOf = (ids: string[]) => {
          const out = new Map<string, bigint>();
          for (const id of ids) {
            for (const [k, v] of byEntity.get(`${id} ${currency}`)!) {
              for (const [col, n] of v) out.set(`${k}@${col}`, (out.get(`${k}@${col}`) ?? 0n) + n);
            }
          }
          return out;
        };
        const flat = (id: string) =>
          new Map(
            [...byEntity.get(`${id} ${currency}`)!].flatMap(([k, v]) =>
              [...v].map(([col, n]) => [`${k}@${col}`, n] as const)
            ),
          );
        for (const r of rollups) assert.deepEqual(flat(r.id), sumOf(r.leaves), `rollup ${r.id}`);
        assert.deepEqual(flat(fundsId), sumOf(rollups.map((r) => r.id)), "funds");

        const totals = f.summary.totals[currency] as Record<string, string | number>;
        const funds = (k: string, col: number) => row(fundsId, currency, k).get(col)!;
        assert.equal(BigInt(totals.count), funds("INTERCHANGE VALUE|TOTAL ISSUER", 51));
        assert.equal(
          units(totals.interchange_debit as string, 2),
          funds("INTERCHANGE VALUE|TOTAL ISSUER", 103),
        );
        assert.equal(
          units(totals.reimbursement_credit as string, 2),
          funds("REIMBURSEMENT FEES|TOTAL ISSUER", 77),
        );
        assert.equal(
          units(totals.reimbursement_debit as string, 2),
          funds("REIMBURSEMENT FEES|TOTAL ISSUER", 103),
        );
        assert.equal(
          units(totals.visa_charges_debit as string, 2),
          funds("VISA CHARGES|TOTAL ISSUER", 103),
        );
        assert.equal(
          units(totals.visa_charges_debit as string, 2),
          units(totals.international_service_assessment as string, 2) +
            units(totals.currency_conversion_fees as string, 2),
        );
        assert.equal(
          BigInt(units(String(totals.net_settlement), 2)),
          funds("TOTAL|NET SETTLEMENT AMOUNT", 129),
        );
        if (currency === "BRL") assert.equal(totals.visa_charges_debit, "0.00");
      }
    });

    await t.step("VSS-115, VSS-300 and VSS-130 agree with VSS-110", () => {
      const net110 = new Map<string, bigint>();
      const fees110 = new Map<string, [bigint, bigint]>();
      for (const page of instancesOf(f, "VSS-110")) {
        for (const [k, v] of rows110(page)) {
          if (k === "TOTAL|NET SETTLEMENT AMOUNT") {
            net110.set(`${page.entityId} ${page.currency}`, v.get(129)!);
          }
          if (k === "REIMBURSEMENT FEES|TOTAL ISSUER") {
            fees110.set(`${page.entityId} ${page.currency}`, [v.get(77)!, v.get(103)!]);
          }
        }
      }
      let finals = 0;
      for (const page of instancesOf(f, "VSS-115")) {
        for (const line of page.lines) {
          if (line.startsWith(" FINAL SETTLEMENT NET AMOUNT")) {
            assert.equal(
              valuesByEnd(line).get(129),
              net110.get(`${page.entityId} ${page.currency}`),
            );
            finals++;
          }
        }
      }
      assert.equal(finals, net110.size);
      let recaps = 0;
      for (const page of instancesOf(f, "VSS-300")) {
        let entity = "";
        for (const line of page.lines) {
          const m = /^ (?:RECAP|TOTAL) FOR: (\d{10})/.exec(line);
          if (m) entity = m[1];
          if (line.startsWith(" NET SETTLEMENT AMOUNT")) {
            assert.equal(
              valuesByEnd(line).get(127),
              net110.get(`${entity} ${page.currency}`),
              line,
            );
            recaps++;
          }
        }
      }
      // Per currency: a block per leaf and TOTAL FOR per rollup, a block per rollup and TOTAL FOR funds.
      assert.equal(recaps, 2 * (leaves.size + 2 * rollups.length + 1));
      let feeTotals = 0;
      for (const page of instancesOf(f, "VSS-130")) {
        for (const line of page.lines) {
          if (line.startsWith(" TOTAL ISSUER REIMB FEES")) {
            const v = valuesByEnd(line);
            assert.deepEqual(
              [v.get(109), v.get(131)],
              fees110.get(`${page.entityId} ${page.currency}`),
            );
            feeTotals++;
          }
        }
      }
      assert.ok(feeTotals > 0);
    });
  });
}
