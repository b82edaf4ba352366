/**
 * Tests for the classification of report rows (`report_class.ts`): one case per rule of
 * the layout notes §7.1, the key built from the second heading (or the whole one-level
 * path) plus the label, blank collapsing, `RVRSL` → `REVERSAL`, and rows with no class.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  classifyAmountLine,
  classKey,
  normalizeKey,
  REPORT_CLASS_RULES,
  TRANSACTION_CLASSES,
} from "../../src/processor/report_class.ts";

const ISSUER = "ISSUER TRANSACTIONS";

Deno.test("classifyAmountLine: one row per rule of §7.1", async (t) => {
  const cases: [string[], string, string][] = [
    [[ISSUER, "PURCHASE"], "ORIGINAL SALE", "COMPRA"],
    [[ISSUER, "MERCHANDISE CREDIT"], "ORIGINAL SALE", "COMPRA"],
    [[ISSUER, "ATM CASH"], "ORIGINAL WITHDRAWAL", "SAQUE"],
    [[ISSUER, "PURCHASE"], "DISPUTE RESP FIN", "REAPRESENTACAO"],
    [[ISSUER, "PURCHASE"], "DISPUTE RESP FIN REVERSAL", "REVERSO-DE-REAPRESENTACAO"],
    [[ISSUER, "PURCHASE"], "DISPUTE FIN", "CHARGEBACK-DE-COMPRA"],
    [[ISSUER, "PURCHASE"], "DISPUTE FIN REVERSAL", "REVERSO-DE-CHARGEBACK"],
    [[ISSUER, "PURCHASE"], "ORIGINAL SALE REVERSAL", "REVERSO-DE-COMPRA"],
    [[ISSUER, "ATM CASH"], "REVERSAL", "REVERSO-DE-SAQUE"],
  ];
  for (const [path, label, expected] of cases) {
    await t.step(`${path[1]} ${label}`, () => {
      assert.equal(classifyAmountLine(path, label), expected);
    });
  }
  await t.step("the table has exactly these nine rules", () => {
    assert.equal(REPORT_CLASS_RULES.size, 9);
    assert.equal(cases.length, REPORT_CLASS_RULES.size);
  });
});

Deno.test("classifyAmountLine: RVRSL reads as REVERSAL (§5.3 generator labels)", async (t) => {
  const cases: [string[], string, string][] = [
    [[ISSUER, "PURCHASE"], "ORIGINAL SALE        RVRSL", "REVERSO-DE-COMPRA"],
    [[ISSUER, "PURCHASE"], "DISPUTE FIN RVRSL", "REVERSO-DE-CHARGEBACK"],
    [[ISSUER, "PURCHASE"], "DISPUTE RESP FIN   RVRSL", "REVERSO-DE-REAPRESENTACAO"],
    [[ISSUER, "ATM CASH"], "RVRSL", "REVERSO-DE-SAQUE"],
  ];
  for (const [path, label, expected] of cases) {
    await t.step(label, () => assert.equal(classifyAmountLine(path, label), expected));
  }
});

Deno.test("classifyAmountLine: which heading gives the transaction type", async (t) => {
  await t.step("one-level path: the whole path plus the label", () => {
    assert.equal(classifyAmountLine(["PURCHASE"], "ORIGINAL SALE"), "COMPRA");
    assert.equal(classifyAmountLine(["ATM CASH"], "REVERSAL"), "REVERSO-DE-SAQUE");
  });
  await t.step("three levels: the heading that names a transaction type, wherever it is", () => {
    assert.equal(
      classifyAmountLine([ISSUER, "PURCHASE", "27-DAY DEFER"], "ORIGINAL SALE"),
      "COMPRA",
    );
    assert.equal(
      classifyAmountLine([ISSUER, "27-DAY DEFER", "PURCHASE"], "ORIGINAL SALE"),
      "COMPRA",
    );
    assert.equal(classifyAmountLine([ISSUER, "27-DAY DEFER", "QUASI-CASH"], "ORIGINAL SALE"), null);
  });
  await t.step("blanks are collapsed in headings and labels", () => {
    assert.equal(classifyAmountLine([ISSUER, "  ATM   CASH "], " ORIGINAL   WITHDRAWAL "), "SAQUE");
  });
});

Deno.test("classifyAmountLine: rows without a rule have no class", async (t) => {
  const cases: [string, string[], string][] = [
    ["a VSS-110 total", ["INTERCHANGE VALUE"], "TOTAL ISSUER"],
    ["the usual merchandise-credit label (§7.1 note)", [ISSUER, "MERCHANDISE CREDIT"], "ORIGINAL"],
    ["quasi-cash", [ISSUER, "QUASI-CASH"], "ORIGINAL SALE"],
    ["a total of the type", [ISSUER, "PURCHASE"], "TOTAL PURCHASE"],
    ["net row", [ISSUER, "PURCHASE"], "NET   PURCHASE"],
    ["RVRSL inside a word is not mapped", [ISSUER, "PURCHASE"], "ORIGINAL SALE RVRSLX"],
    ["matching is exact, upper case", [ISSUER, "purchase"], "original sale"],
    ["the type as first heading of two", ["PURCHASE", "ORIGINAL SALE"], "RECEIVED FROM VISA"],
    ["no headings, partial label", [], "ORIGINAL SALE"],
    ["extra words after the label", [ISSUER, "PURCHASE"], "ORIGINAL SALE FEE"],
  ];
  for (const [name, path, label] of cases) {
    await t.step(name, () => assert.equal(classifyAmountLine(path, label), null));
  }
});

Deno.test("classKey and normalizeKey", async (t) => {
  await t.step("the §7.1 example key", () => {
    assert.equal(classKey([ISSUER, "PURCHASE"], "ORIGINAL SALE"), "PURCHASE ORIGINAL SALE");
  });
  await t.step("one-level path", () => {
    assert.equal(classKey(["INTERCHANGE VALUE"], "TOTAL ISSUER"), "INTERCHANGE VALUE TOTAL ISSUER");
  });
  await t.step("normalizeKey", () => {
    assert.equal(normalizeKey("  ORIGINAL SALE        RVRSL "), "ORIGINAL SALE REVERSAL");
    assert.equal(normalizeKey("RVRSL RVRSL"), "REVERSAL REVERSAL");
    assert.equal(normalizeKey("XRVRSL"), "XRVRSL");
  });
});

Deno.test("every rule maps to a declared class", () => {
  for (const cls of REPORT_CLASS_RULES.values()) {
    assert.ok((TRANSACTION_CLASSES as readonly string[]).includes(cls), cls);
  }
  assert.deepEqual(new Set(REPORT_CLASS_RULES.values()), new Set(TRANSACTION_CLASSES));
});

Deno.test("the transaction-type heading is found below deferment and network levels", () => {
  // VSS-910: ISSUER TRANSACTIONS - NO DEFERMENT - PURCHASE; the 2nd heading is the deferment.
  assert.equal(
    classifyAmountLine(["ISSUER TRANSACTIONS", "NO DEFERMENT", "PURCHASE"], "ORIGINAL SALE"),
    "COMPRA",
  );
  // VSS-130: a network and jurisdiction below the cycle: the type is still PURCHASE.
  assert.equal(
    classifyAmountLine(
      ["ISSUER TRANSACTIONS", "ATM CASH", "ORIGINAL WITHDRAWAL", "VISA L.A.C."],
      "ORIGINAL WITHDRAWAL",
    ),
    "SAQUE",
  );
  // No type heading: the second heading, as the original tool did.
  assert.equal(classifyAmountLine(["A", "PURCHASE X"], "ORIGINAL SALE"), null);
});
