/**
 * Tests for report dates (`dates.ts`): `DDMONYY` to ISO with year 20YY, calendar
 * validation (31FEB24, leap years) and token recognition.
 *
 * @module
 */

import assert from "node:assert/strict";
import { isCalendarDate, isReportDateToken, parseReportDate } from "../../src/utils/dates.ts";

Deno.test("parseReportDate reads DDMONYY as 20YY (layout notes §3)", async (t) => {
  const cases: [string, string | null][] = [
    ["05JUL24", "2024-07-05"],
    ["01JAN00", "2000-01-01"],
    ["31DEC99", "2099-12-31"],
    ["08JUN24", "2024-06-08"],
    ["15FEB23", "2023-02-15"],
    ["30APR24", "2024-04-30"],
    ["01MAY24", "2024-05-01"],
    ["31AUG24", "2024-08-31"],
    ["30SEP24", "2024-09-30"],
    ["31OCT24", "2024-10-31"],
    ["30NOV24", "2024-11-30"],
    ["31MAR24", "2024-03-31"],
    // leap years: 2024 and 2000 are leap years, 2023 and 2100-style centuries are not reachable
    ["29FEB24", "2024-02-29"],
    ["29FEB00", "2000-02-29"],
    ["29FEB23", null],
    ["29FEB25", null],
    // impossible days
    ["31FEB24", null],
    ["30FEB24", null],
    ["31APR24", null],
    ["31JUN24", null],
    ["31SEP24", null],
    ["31NOV24", null],
    ["32JAN24", null],
    ["00JAN24", null],
    // surrounding blanks are tolerated
    ["  05JUL24 ", "2024-07-05"],
  ];
  for (const [token, expected] of cases) {
    await t.step(JSON.stringify(token), () => assert.equal(parseReportDate(token), expected));
  }
});

Deno.test("parseReportDate returns null for text that is not DDMONYY", async (t) => {
  for (
    const token of [
      "",
      "05jul24",
      "5JUL24",
      "05JUL2024",
      "05JLY24",
      "2024-07-05",
      "05/07/24",
      "A1277",
      "05 JUL 24",
    ]
  ) {
    await t.step(JSON.stringify(token), () => assert.equal(parseReportDate(token), null));
  }
});

Deno.test("isReportDateToken checks the shape only", async (t) => {
  const cases: [string, boolean][] = [
    ["05JUL24", true],
    ["31FEB24", true], // shape is fine; the calendar check is parseReportDate's job
    ["05jul24", false],
    ["05JUL2024", false],
    [" 05JUL24", false],
    ["A1277", false],
  ];
  for (const [token, expected] of cases) {
    await t.step(JSON.stringify(token), () => assert.equal(isReportDateToken(token), expected));
  }
});

Deno.test("isCalendarDate", async (t) => {
  const cases: [string, boolean][] = [
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2100-02-29", false],
    ["2000-02-29", true],
    ["2024-12-31", true],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-04-31", false],
    ["2024-4-30", false],
    ["20240430", false],
    ["", false],
  ];
  for (const [iso, expected] of cases) {
    await t.step(iso || "(empty)", () => assert.equal(isCalendarDate(iso), expected));
  }
});
