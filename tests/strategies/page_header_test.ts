/**
 * Tests for the page-header reader (`page_header.ts`) against the layout notes §3: the
 * seed page's header, the VSS-120 header with a CLEARING CURRENCY line, the VSS-300 and
 * VSS-900-S headers without ROLLUP TO, suffixed report ids, and the end of the header block.
 *
 * @module
 */

import assert from "node:assert/strict";
import type { ReportHeader } from "../../src/models/report.ts";
import {
  centredTexts,
  headerLineCount,
  parsePageHeader,
} from "../../src/strategies/page_header.ts";
import { normalizeFirstLine } from "../../src/reader/ep747_pages.ts";

const SEED_LINES = Deno.readTextFileSync(
  new URL("../fixtures/seed_vss110_page.txt", import.meta.url),
).split("\n");
SEED_LINES[0] = normalizeFirstLine(SEED_LINES[0]);

/** §5.3 (VSS-120): SETTLEMENT and CLEARING CURRENCY lines. */
const VSS120 = [
  " REPORT ID:  VSS-120                                         VISANET SETTLEMENT SERVICE                        PAGE:              3",
  " REPORTING FOR:      1000123456 ACME BANCO S.A.               BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
  " ROLLUP TO:          1000123400 ACME GRUPO                    INTERCHANGE VALUE REPORT                         REPORT DATE: 05JUL24",
  " FUNDS XFER ENTITY:  1000123400 ACME GRUPO",
  "",
  " SETTLEMENT CURRENCY:  BRL",
  " CLEARING CURRENCY:    BRL",
  "",
  "",
  "                                      CURRENCY               COUNT               CLEARING          INTERCHANGE          INTERCHANGE",
];

/** §5.9 (VSS-230): international service, USD. */
const VSS230 = [
  " REPORT ID:  VSS-230                                         VISANET SETTLEMENT SERVICE                        PAGE:              1",
  " REPORTING FOR:      1000123457 ACME BANCO INTL           INTERNATIONAL SETTLEMENT SERVICE                     PROC DATE:   05JUL24",
  " ROLLUP TO:          1000123400 ACME GRUPO               VISA CHARGES RECONCILIATION REPORT                    REPORT DATE: 05JUL24",
  " FUNDS XFER ENTITY:  1000123400 ACME GRUPO",
  "",
  " SETTLEMENT CURRENCY:  USD",
  "",
  "",
  "                                           *** NO DATA FOR THIS REPORT ***",
];

/** §5.10 (VSS-300): no ROLLUP TO / FUNDS XFER ENTITY; one blank after SETTLEMENT CURRENCY:. */
const VSS300 = [
  " REPORT ID:  VSS-300                                         VISANET SETTLEMENT SERVICE                        PAGE:              1",
  " REPORTING FOR:      1000123400 ACME GRUPO                    BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
  "                                                             SRE FINANCIAL RECAP REPORT                        REPORT DATE: 05JUL24",
  "",
  "",
  " SETTLEMENT CURRENCY: BRL",
  "",
  " RECAP FOR: 1000123456 ACME BANCO S.A.",
];

/** §5.13 (VSS-900): the CLEARING CURRENCY line after a blank starts a body block. */
const VSS900 = [
  " REPORT ID:  VSS-900                                         VISANET SETTLEMENT SERVICE                        PAGE:              9",
  " REPORTING FOR:      1000123456 ACME BANCO S.A.               BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
  " ROLLUP TO:          1000123400 ACME GRUPO                     RECONCILIATION REPORT                           REPORT DATE: 05JUL24",
  " FUNDS XFER ENTITY:  1000123400 ACME GRUPO",
  "",
  " SETTLEMENT CURRENCY:  BRL",
  "",
  " CLEARING CURRENCY:  BRL",
  " BUSINESS MODE:      ISSUER TRANSACTIONS",
];

/** VSS-900-S (§3, §5.13): no ROLLUP TO, line 4 blank. Built by hand from the VSS-900 page. */
const VSS900S = [
  " REPORT ID:  VSS-900-S                                       VISANET SETTLEMENT SERVICE                        PAGE:             12",
  " REPORTING FOR:      1000123400 ACME GRUPO                    BRAZIL CIP NNSS SERVICE                          PROC DATE:   05JUL24",
  "                                                          SUMMARY RECONCILIATION REPORT                        REPORT DATE: 06JUL24",
  "",
  "",
  " SETTLEMENT CURRENCY:  BRL",
  "",
  " CLEARING CURRENCY:  BRL",
  " TOTAL CLEARING CURRENCY: BRL",
];

Deno.test("parsePageHeader: the seed VSS-110 page", () => {
  const expected: ReportHeader = {
    report_id: "VSS-110",
    reporting_for: "1234567890 010203 DESAFIO",
    reporting_for_id: "1234567890",
    page: 1,
    proc_date: "2024-07-05",
    rollup_to: "9876543210 EMISSOR DESAFIO",
    rollup_to_id: "9876543210",
    report_date: "2024-07-05",
    funds_xfer_entity: "9876543210 EMISSOR DESAFIO",
    funds_xfer_entity_id: "9876543210",
    settlement_currency: "BRL",
    clearing_currency: null,
    summary: ["VISANET SETTLEMENT SERVICE", "BRAZIL CIP NNSS SERVICE", "SETTLEMENT SUMMARY REPORT"],
  };
  assert.deepEqual(parsePageHeader(SEED_LINES), expected);
});

Deno.test("parsePageHeader: the seed header with its raw form feed still reads the id", () => {
  const raw = Deno.readTextFileSync(new URL("../fixtures/seed_vss110_page.txt", import.meta.url))
    .split("\n");
  assert.ok(raw[0].startsWith("\f"));
  const header = parsePageHeader(raw);
  assert.equal(header.report_id, "VSS-110");
  assert.equal(header.page, 1);
});

Deno.test("parsePageHeader: VSS-120 with a CLEARING CURRENCY line", () => {
  const expected: ReportHeader = {
    report_id: "VSS-120",
    reporting_for: "1000123456 ACME BANCO S.A.",
    reporting_for_id: "1000123456",
    page: 3,
    proc_date: "2024-07-05",
    rollup_to: "1000123400 ACME GRUPO",
    rollup_to_id: "1000123400",
    report_date: "2024-07-05",
    funds_xfer_entity: "1000123400 ACME GRUPO",
    funds_xfer_entity_id: "1000123400",
    settlement_currency: "BRL",
    clearing_currency: "BRL",
    summary: ["VISANET SETTLEMENT SERVICE", "BRAZIL CIP NNSS SERVICE", "INTERCHANGE VALUE REPORT"],
  };
  assert.deepEqual(parsePageHeader(VSS120), expected);
});

Deno.test("parsePageHeader: VSS-230 international service in USD", () => {
  const header = parsePageHeader(VSS230);
  assert.equal(header.reporting_for, "1000123457 ACME BANCO INTL");
  assert.equal(header.settlement_currency, "USD");
  assert.equal(header.clearing_currency, null);
  assert.deepEqual(header.summary, [
    "VISANET SETTLEMENT SERVICE",
    "INTERNATIONAL SETTLEMENT SERVICE",
    "VISA CHARGES RECONCILIATION REPORT",
  ]);
});

Deno.test("parsePageHeader: VSS-300 header without ROLLUP TO", () => {
  const expected: ReportHeader = {
    report_id: "VSS-300",
    reporting_for: "1000123400 ACME GRUPO",
    reporting_for_id: "1000123400",
    page: 1,
    proc_date: "2024-07-05",
    rollup_to: null,
    rollup_to_id: null,
    report_date: "2024-07-05",
    funds_xfer_entity: null,
    funds_xfer_entity_id: null,
    settlement_currency: "BRL",
    clearing_currency: null,
    summary: [
      "VISANET SETTLEMENT SERVICE",
      "BRAZIL CIP NNSS SERVICE",
      "SRE FINANCIAL RECAP REPORT",
    ],
  };
  assert.deepEqual(parsePageHeader(VSS300), expected);
});

Deno.test("parsePageHeader: VSS-900-S keeps its whole id; body CLEARING CURRENCY is not header", () => {
  const header = parsePageHeader(VSS900S);
  assert.equal(header.report_id, "VSS-900-S");
  assert.equal(header.page, 12);
  assert.equal(header.report_date, "2024-07-06");
  assert.equal(header.proc_date, "2024-07-05");
  assert.equal(header.rollup_to, null);
  assert.equal(header.funds_xfer_entity, null);
  assert.equal(header.settlement_currency, "BRL");
  assert.equal(header.clearing_currency, null);
  assert.deepEqual(header.summary, [
    "VISANET SETTLEMENT SERVICE",
    "BRAZIL CIP NNSS SERVICE",
    "SUMMARY RECONCILIATION REPORT",
  ]);
});

Deno.test("parsePageHeader: VSS-900 block currency is body, not header", () => {
  const header = parsePageHeader(VSS900);
  assert.equal(header.report_id, "VSS-900");
  assert.equal(header.page, 9);
  assert.equal(header.clearing_currency, null);
  assert.equal(header.settlement_currency, "BRL");
});

Deno.test("parsePageHeader: suffixed ids are never truncated", async (t) => {
  for (const id of ["VSS-900-S", "VSS-100-W", "VSS-110-M", "VSS-116"]) {
    await t.step(id, () => {
      const line = ` REPORT ID:  ${id}`.padEnd(61) + "VISANET SETTLEMENT SERVICE".padEnd(50) +
        "PAGE:" + "4".padStart(15);
      const header = parsePageHeader([line]);
      assert.equal(header.report_id, id);
      assert.equal(header.page, 4);
      assert.deepEqual(header.summary, ["VISANET SETTLEMENT SERVICE"]);
    });
  }
});

Deno.test("parsePageHeader: missing or invalid fields are null", async (t) => {
  await t.step("no lines at all", () => {
    const header = parsePageHeader([]);
    assert.equal(header.report_id, "");
    assert.equal(header.page, null);
    assert.equal(header.reporting_for, null);
    assert.equal(header.settlement_currency, null);
    assert.deepEqual(header.summary, []);
  });
  await t.step("impossible PROC DATE", () => {
    const lines = [...SEED_LINES];
    lines[1] = lines[1].replace("05JUL24", "31FEB24");
    const header = parsePageHeader(lines);
    assert.equal(header.proc_date, null);
    assert.equal(header.report_date, "2024-07-05");
  });
  await t.step("entity without a name", () => {
    const header = parsePageHeader([
      " REPORT ID:  VSS-110",
      " REPORTING FOR:      1234567890",
      " SETTLEMENT CURRENCY:  BRL",
    ]);
    assert.equal(header.reporting_for, "1234567890");
    assert.equal(header.reporting_for_id, "1234567890");
  });
});

Deno.test("headerLineCount: where the body starts", async (t) => {
  const cases: [string, readonly string[], number][] = [
    ["seed: after SETTLEMENT CURRENCY (line 6)", SEED_LINES, 6],
    ["VSS-120: after CLEARING CURRENCY (line 7)", VSS120, 7],
    ["VSS-230", VSS230, 6],
    ["VSS-300", VSS300, 6],
    ["VSS-900: the block CLEARING CURRENCY is body", VSS900, 6],
    ["VSS-900-S", VSS900S, 6],
    ["a page cut after FUNDS XFER ENTITY", VSS120.slice(0, 4), 4],
    ["a page cut after line 1", VSS120.slice(0, 1), 1],
    ["no lines", [], 0],
  ];
  for (const [name, lines, expected] of cases) {
    await t.step(name, () => assert.equal(headerLineCount(lines), expected));
  }
});

Deno.test("centredTexts strips the labelled fields and splits on wide gaps", () => {
  assert.deepEqual(centredTexts(VSS120.slice(0, 3)), [
    "VISANET SETTLEMENT SERVICE",
    "BRAZIL CIP NNSS SERVICE",
    "INTERCHANGE VALUE REPORT",
  ]);
  // a name with digits is part of the entity, not a centred text
  assert.deepEqual(centredTexts([SEED_LINES[1]]), ["BRAZIL CIP NNSS SERVICE"]);
});
