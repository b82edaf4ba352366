/**
 * `runGenerate`, the `finstream generate` command: argument errors (one line on stderr,
 * status 1), `--help`, and a run that prints what it wrote (status 0).
 *
 * @module
 */

import assert from "node:assert/strict";
import { parseGenerateArgs, runGenerate } from "../../src/generator/generate_command.ts";

async function captured(fn: () => Promise<number>) {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(" "));
  console.error = (...a: unknown[]) => void err.push(a.join(" "));
  try {
    return { code: await fn(), out: out.join("\n"), err: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

Deno.test("generate command: argument errors", async (t) => {
  const cases: [string[], RegExp][] = [
    [[], /--out DIR is required/],
    [["--out"], /--out/],
    [
      ["--out", "/tmp/x", "--pages", "0"],
      /--pages: expected a whole number from 1 to 10,000,000, got "0"/,
    ],
    [["--out", "/tmp/x", "--transactions", "1e3"], /--transactions: .* got "1e3"/],
    [["--out", "/tmp/x", "--files", "100"], /--files: expected a whole number from 1 to 99/],
    [["--out", "/tmp/x", "--seed", "-1"], /--seed/],
    [["--out", "/tmp/x", "--seed", "4294967296"], /--seed: .* got "4294967296"/],
    [["--out", "/tmp/x", "--proc-date", "05/07/2024"], /--proc-date: expected YYYY-MM-DD/],
    [["--out", "/tmp/x", "--proc-date", "2024-02-30"], /not a date YYYY-MM-DD: "2024-02-30"/],
    [["--out", "/tmp/x", "--verbose"], /Unknown option '--verbose'/],
    [["--out", "/tmp/x", "extra"], /extra/],
  ];
  for (const [args, pattern] of cases) {
    await t.step(args.join(" ") || "(none)", async () => {
      const r = await captured(() => runGenerate(args));
      assert.equal(r.code, 1);
      assert.equal(r.out, "");
      assert.match(r.err, pattern);
      assert.equal(r.err.split("\n").length, 1, "one line");
      assert.match(r.err, /^finstream generate: /);
    });
  }
});

Deno.test("generate command: --help", async () => {
  const r = await captured(() => runGenerate(["--help"]));
  assert.equal(r.code, 0);
  assert.match(r.out, /Usage: finstream generate --out DIR/);
  assert.equal(parseGenerateArgs(["-h"]), null);
});

Deno.test("generate command: options map onto the library", () => {
  assert.deepEqual(
    parseGenerateArgs([
      "--out",
      "d",
      "--seed",
      "9",
      "--pages",
      "300",
      "--transactions",
      "0",
      "--files",
      "4",
      "--crlf",
    ]),
    {
      outDir: "d",
      seed: 9,
      pages: 300,
      transactions: 0,
      files: 4,
      procDate: undefined,
      lineEnding: "crlf",
    },
  );
});

Deno.test("generate command: writes the files and prints a summary", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_cmd_" });
  try {
    const r = await captured(() =>
      runGenerate(["--out", `${dir}/out`, "--seed", "4", "--transactions", "300", "--files", "2"])
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /EP747_20240705\.TXT +[\d,]+ bytes +[\d,]+ pages/);
    assert.match(r.out, /VISA_TRANSACTIONAL_CLEARING_20240705_02\.json +150 records/);
    assert.match(r.out, /BRL: [\d,]+ records, net settlement [\d,]+\.\d\d(DB|CR)/);
    const names = [...Deno.readDirSync(`${dir}/out`)].map((e) => e.name).sort();
    assert.equal(names.length, 4);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("generate command: zero transactions still writes valid files", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp", prefix: "finstream_gen_cmd_" });
  try {
    const r = await captured(() => runGenerate(["--out", dir, "--transactions", "0"]));
    assert.equal(r.code, 0, r.err);
    const json = await Deno.readTextFile(`${dir}/VISA_TRANSACTIONAL_CLEARING_20240705_01.json`);
    assert.deepEqual(JSON.parse(json), []);
    const text = await Deno.readTextFile(`${dir}/EP747_20240705.TXT`);
    assert.match(text, /REPORT ID: {2}VSS-120/);
    assert.match(text, /\*\*\* NO DATA FOR THIS REPORT \*\*\*/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
