/**
 * The ingest benchmark (`deno task bench`): measures finstream against references on the
 * same generated data and prints the ratios the performance targets are stated in.
 *
 * 1. Clearing JSON (default 200,000 records) into the local PostgreSQL: rows/s of
 *    `finstream ingest` against `psql \copy` loading the same rows from CSV into a table
 *    defined like `transactions` (indexes, defaults and the foreign key to `ingest_files`),
 *    and, for comparison, into one without the foreign key.
 * 2. EP747 parse only (`finstream validate`) on a ≥ 200 MB file: MB/s next to `wc -l` on the
 *    same file, with 1 and 2 workers, and the speed-up of 2 workers over 1.
 * 3. Peak RSS of `finstream ingest` (real PostgreSQL) for a ~1 GB clearing file and the
 *    200 MB EP747 file.
 *
 * Techniques: every measured run is a separate process with the task's permissions; wall
 * time from `performance.now()`; peak RSS from GNU time (`%M`), or sampled with `ps` where
 * GNU time is missing; generated data cached in the bench folder by its parameters.
 * Settings (environment): `DATABASE_URL` (an admin connection; default
 * `postgres://postgres@127.0.0.1:5432/postgres`), `BENCH_DIR` (default
 * `/tmp/finstream-bench`), `BENCH_RECORDS` (200000), `BENCH_BIG_RECORDS` (950000, ≈ 1 GB),
 * `BENCH_EP747_PAGES` (pages of the EP747 file), `BENCH_SKIP` (comma list of
 * `clearing,ep747,rss`).
 *
 * @module
 */

import { generate } from "../src/generator/generate.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const env = (name: string, fallback: string) => Deno.env.get(name) || fallback;
const ADMIN_URL = env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres");
const DIR = env("BENCH_DIR", "/tmp/finstream-bench");
const RECORDS = Number(env("BENCH_RECORDS", "200000"));
const BIG_RECORDS = Number(env("BENCH_BIG_RECORDS", "950000"));
const EP747_PAGES = Number(env("BENCH_EP747_PAGES", "100000"));
const SKIP = new Set(env("BENCH_SKIP", "").split(",").filter(Boolean));
const V8_FLAGS = "--v8-flags=--max-semi-space-size=4,--max-old-space-size=128";
const PERMISSIONS = [
  `--allow-read=${ROOT},${DIR}`,
  `--allow-write=${ROOT}.finstream,${ROOT}logs`,
  "--allow-net=127.0.0.1,localhost",
  "--allow-env=DATABASE_URL,FINSTREAM_*,PG*,USER,USERNAME,LOGNAME,HOME,APPDATA",
];

interface Measured {
  seconds: number;
  peakRssMb: number;
  stdout: string;
  code: number;
}

const GNU_TIME = "/usr/bin/time";
const hasGnuTime = await Deno.stat(GNU_TIME).then(() => true, () => false);

async function currentRss(pid: number): Promise<number> {
  try {
    const out = await new Deno.Command("ps", { args: ["-o", "rss=", "-p", String(pid)] }).output();
    return Number(new TextDecoder().decode(out.stdout).trim()) / 1024 || 0;
  } catch {
    return 0;
  }
}

/**
 * Runs a command and measures its wall time and peak RSS: exactly with GNU time when it is
 * installed, otherwise by sampling `ps` every 50 ms.
 */
async function measure(command: string, args: string[], cwd = ROOT): Promise<Measured> {
  const started = performance.now();
  const argv = hasGnuTime ? ["-f", "FINSTREAM_MAXRSS_KB=%M", command, ...args] : args;
  const child = new Deno.Command(hasGnuTime ? GNU_TIME : command, {
    args: argv,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let peak = 0;
  let running = !hasGnuTime;
  const poller = (async () => {
    while (running) {
      peak = Math.max(peak, await currentRss(child.pid));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const output = await child.output();
  running = false;
  await poller;
  const seconds = (performance.now() - started) / 1000;
  const stdout = new TextDecoder().decode(output.stdout);
  const stderr = new TextDecoder().decode(output.stderr);
  const timed = /FINSTREAM_MAXRSS_KB=(\d+)/.exec(stderr);
  if (timed) peak = Number(timed[1]) / 1024;
  if (output.code !== 0 && output.code !== 3) {
    throw new Error(`${command} ${args.join(" ")} failed (${output.code}): ${stderr}`);
  }
  return { seconds, peakRssMb: Math.round(peak), stdout, code: output.code };
}

async function psql(database: string, command: string): Promise<Measured> {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return await measure("psql", [url.href, "-v", "ON_ERROR_STOP=1", "-qAtc", command]);
}

async function freshDatabase(name: string): Promise<string> {
  const admin = new URL(ADMIN_URL).pathname.slice(1) || "postgres";
  await psql(admin, `drop database if exists ${name}`);
  await psql(admin, `create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.href;
}

async function dataset(name: string, options: { pages: number; transactions: number }) {
  const outDir = `${DIR}/${name}`;
  const marker = `${outDir}/.done-${options.pages}-${options.transactions}`;
  try {
    await Deno.stat(marker);
  } catch {
    await Deno.remove(outDir, { recursive: true }).catch(() => {});
    console.error(`generating ${name} (${options.pages} pages, ${options.transactions} records)…`);
    await generate({ outDir, seed: 7, ...options, files: 1 });
    await Deno.writeTextFile(marker, "");
  }
  const files = [...Deno.readDirSync(outDir)].map((e) => `${outDir}/${e.name}`);
  return {
    ep747: files.find((f) => /EP747_.*\.TXT$/.test(f))!,
    clearing: files.find((f) => /\.json$/.test(f) && !f.endsWith("generate_summary.json"))!,
  };
}

function finstream(args: string[]): Promise<Measured> {
  return measure("deno", ["run", V8_FLAGS, ...PERMISSIONS, `${ROOT}cli.ts`, ...args]);
}

function lastJson(stdout: string) {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

const results: Record<string, unknown> = {};
const report: string[] = [];
const mb = (bytes: number) => bytes / 1_048_576;

await Deno.mkdir(DIR, { recursive: true });

if (!SKIP.has("clearing")) {
  const { clearing } = await dataset("clearing", { pages: 20, transactions: RECORDS });
  const url = await freshDatabase("finstream_bench");
  const run = await finstream([
    "ingest",
    clearing,
    "--database-url",
    url,
    "--workers",
    "2",
    "--json",
  ]);
  const summary = lastJson(run.stdout);
  const rows = summary.totals.stored;
  const columns = (await psql(
    "finstream_bench",
    `select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns where table_name = 'transactions' and column_name <> 'id'`,
  )).stdout.trim();
  const csv = `${DIR}/transactions.csv`;
  await psql("finstream_bench", `\\copy (select ${columns} from transactions) to '${csv}' csv`);
  // The reference table is defined like `transactions`: the same columns, defaults and
  // indexes, and the same foreign key to `ingest_files` (which `LIKE` does not copy and
  // which costs PostgreSQL a lookup per row). A second table without the foreign key shows
  // what that check costs.
  await psql(
    "finstream_bench",
    `create table transactions_ref (like transactions including all);
     alter table transactions_ref add foreign key (file_id) references ingest_files (id)
       on delete cascade;
     create table transactions_nofk (like transactions including all)`,
  );
  const reference = await psql(
    "finstream_bench",
    `\\copy transactions_ref (${columns}) from '${csv}' csv`,
  );
  const noForeignKey = await psql(
    "finstream_bench",
    `\\copy transactions_nofk (${columns}) from '${csv}' csv`,
  );
  const ours = rows / run.seconds;
  const theirs = rows / reference.seconds;
  const theirsNoFk = rows / noForeignKey.seconds;
  results.clearing = {
    rows,
    fileMb: mb((await Deno.stat(clearing)).size),
    finstreamSeconds: run.seconds,
    psqlCopySeconds: reference.seconds,
    psqlCopyNoForeignKeySeconds: noForeignKey.seconds,
    finstreamRowsPerSecond: Math.round(ours),
    psqlCopyRowsPerSecond: Math.round(theirs),
    psqlCopyNoForeignKeyRowsPerSecond: Math.round(theirsNoFk),
    ratio: ours / theirs,
    ratioNoForeignKey: ours / theirsNoFk,
  };
  report.push(
    `clearing ${rows} records: finstream ${Math.round(ours)} rows/s, psql \\copy into the ` +
      `same table definition ${Math.round(theirs)} rows/s, ratio ${
        (ours / theirs).toFixed(2)
      } (target ≥ 0.60); without the foreign key psql \\copy ${
        Math.round(theirsNoFk)
      } rows/s, ratio ${(ours / theirsNoFk).toFixed(2)}`,
  );
}

if (!SKIP.has("ep747")) {
  const { ep747 } = await dataset("ep747", { pages: EP747_PAGES, transactions: 1000 });
  const size = mb((await Deno.stat(ep747)).size);
  const wc = await measure("wc", ["-l", ep747]);
  const one = await finstream(["validate", ep747, "--workers", "1", "--json"]);
  const two = await finstream(["validate", ep747, "--workers", "2", "--json"]);
  const pages = lastJson(two.stdout).totals.pages;
  results.ep747 = {
    fileMb: size,
    pages,
    wcMbPerSecond: size / wc.seconds,
    oneWorkerMbPerSecond: size / one.seconds,
    twoWorkersMbPerSecond: size / two.seconds,
    speedup: one.seconds / two.seconds,
  };
  report.push(
    `EP747 ${size.toFixed(0)} MB, ${pages} pages: wc -l ${(size / wc.seconds).toFixed(0)} MB/s; ` +
      `validate 1 worker ${(size / one.seconds).toFixed(1)} MB/s, 2 workers ${
        (size / two.seconds).toFixed(1)
      } MB/s; ` +
      `speed-up ${(one.seconds / two.seconds).toFixed(2)}× (target ≥ 1.6×)`,
  );
}

if (!SKIP.has("rss")) {
  const { clearing } = await dataset("big", { pages: 20, transactions: BIG_RECORDS });
  const { ep747 } = await dataset("ep747", { pages: EP747_PAGES, transactions: 1000 });
  const url = await freshDatabase("finstream_bench_rss");
  const big = await finstream([
    "ingest",
    clearing,
    "--database-url",
    url,
    "--workers",
    "2",
    "--json",
  ]);
  const reports = await finstream([
    "ingest",
    ep747,
    "--database-url",
    url,
    "--workers",
    "2",
    "--json",
  ]);
  results.rss = {
    clearingFileMb: mb((await Deno.stat(clearing)).size),
    clearingPeakRssMb: big.peakRssMb,
    clearingSeconds: big.seconds,
    ep747FileMb: mb((await Deno.stat(ep747)).size),
    ep747PeakRssMb: reports.peakRssMb,
    ep747Seconds: reports.seconds,
  };
  report.push(
    `peak RSS: ${
      mb((await Deno.stat(clearing)).size).toFixed(0)
    } MB clearing file ${big.peakRssMb} MB; ` +
      `${
        mb((await Deno.stat(ep747)).size).toFixed(0)
      } MB EP747 file ${reports.peakRssMb} MB (target ≤ 300 MB)`,
  );
}

await Deno.writeTextFile(`${DIR}/results.json`, JSON.stringify(results, null, 2));
console.log(report.join("\n"));
console.log(`(details in ${DIR}/results.json)`);
