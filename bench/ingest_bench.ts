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
 * 4. For comparison (no target): the same clearing file into the embedded PGlite database.
 *
 * Techniques: every measured run is a separate process with the task's permissions; wall
 * time from `performance.now()`, each timing repeated and its median taken (single runs
 * vary by ±15% here); peak RSS from GNU time (`%M`), or sampled with `ps` where GNU time is
 * missing; CPU time (user + system) from GNU time, to show the most 2 workers can gain on
 * this machine's cores; generated data cached in the bench folder by its parameters.
 * Settings (environment): `DATABASE_URL` (an admin connection; default
 * `postgres://postgres@127.0.0.1:5432/postgres`), `BENCH_DIR` (default
 * `/tmp/finstream-bench`), `BENCH_RECORDS` (200000), `BENCH_BIG_RECORDS` (950000, ≈ 1 GB),
 * `BENCH_EP747_PAGES` (pages of the EP747 file), `BENCH_SKIP` (comma list of
 * `clearing,ep747,rss,pglite`), `BENCH_REPEAT` (runs of each timed measurement, default 3: the
 * median is reported, with the range).
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
const REPEAT = Number(env("BENCH_REPEAT", "3"));
if (!Number.isInteger(REPEAT) || REPEAT < 1) {
  throw new Error(`BENCH_REPEAT must be a whole number ≥ 1, got "${env("BENCH_REPEAT", "")}"`);
}
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
  /** User + system CPU seconds of the process and its threads (GNU time only; else NaN). */
  cpuSeconds: number;
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
  const argv = hasGnuTime
    ? ["-f", "FINSTREAM_MAXRSS_KB=%M FINSTREAM_CPU=%U+%S", command, ...args]
    : args;
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
  const cpu = /FINSTREAM_CPU=([\d.]+)\+([\d.]+)/.exec(stderr);
  const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN;
  if (output.code !== 0 && output.code !== 3) {
    throw new Error(`${command} ${args.join(" ")} failed (${output.code}): ${stderr}`);
  }
  return { seconds, peakRssMb: Math.round(peak), stdout, code: output.code, cpuSeconds };
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

/** `finstream ingest FILE` into the server database at `url`, with two workers. */
function ingestInto(file: string, url: string): Promise<Measured> {
  return finstream(["ingest", file, "--database-url", url, "--workers", "2", "--json"]);
}

function lastJson(stdout: string) {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

const results: Record<string, unknown> = {};
const report: string[] = [];
const mb = (bytes: number) => bytes / 1_048_576;

await Deno.mkdir(DIR, { recursive: true });

/** The median of some numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median and range of rates computed from run times: `123,456 (120,001–125,000)`. */
/**
 * A rate at the median time, with the range of rates: `123,456 (120,001–125,000)`. The
 * headline is `amount / median(seconds)`, the figure the ratios and results.json use.
 */
function rates(amount: number, seconds: number[], digits = 0): string {
  const format = (n: number) =>
    n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${format(amount / median(seconds))} (${format(amount / Math.max(...seconds))}–${
    format(amount / Math.min(...seconds))
  })`;
}

if (!SKIP.has("clearing")) {
  const { clearing } = await dataset("clearing", { pages: 20, transactions: RECORDS });
  const ours: number[] = [];
  const reference: number[] = [];
  const noForeignKey: number[] = [];
  let rows = 0;
  let columns = "";
  const csv = `${DIR}/transactions.csv`;
  for (let run = 0; run < REPEAT; run++) {
    const url = await freshDatabase("finstream_bench");
    const ingested = await ingestInto(clearing, url);
    rows = lastJson(ingested.stdout).totals.stored;
    ours.push(ingested.seconds);
    columns = (await psql(
      "finstream_bench",
      `select string_agg(column_name, ',' order by ordinal_position) from information_schema.columns where table_name = 'transactions' and column_name <> 'id'`,
    )).stdout.trim();
    if (run === 0) {
      await psql("finstream_bench", `\\copy (select ${columns} from transactions) to '${csv}' csv`);
    }
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
    reference.push(
      (await psql("finstream_bench", `\\copy transactions_ref (${columns}) from '${csv}' csv`))
        .seconds,
    );
    noForeignKey.push(
      (await psql("finstream_bench", `\\copy transactions_nofk (${columns}) from '${csv}' csv`))
        .seconds,
    );
  }
  const ratio = median(reference) / median(ours);
  const ratioNoFk = median(noForeignKey) / median(ours);
  results.clearing = {
    rows,
    runs: REPEAT,
    fileMb: mb((await Deno.stat(clearing)).size),
    finstreamSeconds: ours,
    psqlCopySeconds: reference,
    psqlCopyNoForeignKeySeconds: noForeignKey,
    finstreamRowsPerSecond: Math.round(rows / median(ours)),
    psqlCopyRowsPerSecond: Math.round(rows / median(reference)),
    psqlCopyNoForeignKeyRowsPerSecond: Math.round(rows / median(noForeignKey)),
    ratio,
    ratioNoForeignKey: ratioNoFk,
  };
  report.push(
    `clearing ${rows} records, median of ${REPEAT} runs (range): finstream ${
      rates(rows, ours)
    } rows/s; psql \\copy into the same table definition ${rates(rows, reference)} rows/s, ` +
      `ratio ${ratio.toFixed(2)} (target ≥ 0.60); without the foreign key psql \\copy ${
        rates(rows, noForeignKey)
      } rows/s, ratio ${ratioNoFk.toFixed(2)}`,
  );
}

if (!SKIP.has("pglite")) {
  // The embedded default: no target, shown so the two engines can be compared.
  const { clearing } = await dataset("clearing", { pages: 20, transactions: RECORDS });
  const seconds: number[] = [];
  let rows = 0;
  for (let run = 0; run < REPEAT; run++) {
    const dataDir = `${ROOT}.finstream/bench-pglite`;
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    // `--database-url=` (empty) keeps the embedded database whatever DATABASE_URL or a
    // `.env` file say; two workers, as in the server runs.
    const ingested = await finstream([
      "ingest",
      clearing,
      "--database-url=",
      "--db-dir",
      dataDir,
      "--workers",
      "2",
      "--json",
    ]);
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
    rows = lastJson(ingested.stdout).totals.stored;
    seconds.push(ingested.seconds);
  }
  results.pglite = {
    rows,
    runs: REPEAT,
    seconds,
    rowsPerSecond: Math.round(rows / median(seconds)),
  };
  report.push(
    `clearing ${rows} records into the embedded PGlite database, median of ${REPEAT} runs ` +
      `(range): ${rates(rows, seconds)} rows/s`,
  );
}

if (!SKIP.has("ep747")) {
  const { ep747 } = await dataset("ep747", { pages: EP747_PAGES, transactions: 1000 });
  const size = mb((await Deno.stat(ep747)).size);
  const wc: number[] = [];
  const one: Measured[] = [];
  const two: Measured[] = [];
  for (let run = 0; run < REPEAT; run++) {
    wc.push((await measure("wc", ["-l", ep747])).seconds);
    one.push(await finstream(["validate", ep747, "--workers", "1", "--json"]));
    two.push(await finstream(["validate", ep747, "--workers", "2", "--json"]));
  }
  const pages = lastJson(two[0].stdout).totals.pages;
  const oneSeconds = one.map((m) => m.seconds);
  const twoSeconds = two.map((m) => m.seconds);
  const speedup = median(oneSeconds) / median(twoSeconds);
  // All the CPU a 2-worker run uses (workers, main thread, V8's garbage collector and
  // compiler threads, I/O) shares the machine's cores, so the run can take no less than
  // CPU / cores: the speed-up cannot exceed T(1 worker) divided by that. (Cores as the OS
  // reports them; under a container CPU quota the real ceiling is lower.)
  const cores = navigator.hardwareConcurrency;
  const twoCpu = median(two.map((m) => m.cpuSeconds));
  const oneCpu = median(one.map((m) => m.cpuSeconds));
  const ceiling = median(oneSeconds) / (twoCpu / cores);
  results.ep747 = {
    fileMb: size,
    pages,
    runs: REPEAT,
    wcMbPerSecond: size / median(wc),
    oneWorkerSeconds: oneSeconds,
    twoWorkersSeconds: twoSeconds,
    oneWorkerMbPerSecond: size / median(oneSeconds),
    twoWorkersMbPerSecond: size / median(twoSeconds),
    speedup,
    oneWorkerCpuSeconds: one.map((m) => m.cpuSeconds),
    twoWorkersCpuSeconds: two.map((m) => m.cpuSeconds),
    cores,
    speedupCeiling: ceiling,
  };
  report.push(
    `EP747 ${size.toFixed(0)} MB, ${pages} pages, median of ${REPEAT} runs (range): wc -l ${
      rates(size, wc)
    } MB/s; validate 1 worker ${rates(size, oneSeconds, 1)} MB/s, 2 workers ${
      rates(size, twoSeconds, 1)
    } MB/s; speed-up ${speedup.toFixed(2)}× (target ≥ 1.6×)`,
  );
  if (Number.isFinite(ceiling)) {
    report.push(
      `  CPU used (user + system, median): 1 worker ${oneCpu.toFixed(2)} s, 2 workers ` +
        `${twoCpu.toFixed(2)} s. On ${cores} cores no 2-worker run can take less than ` +
        `${(twoCpu / cores).toFixed(2)} s: speed-up ceiling ${ceiling.toFixed(2)}×`,
    );
  }
}

if (!SKIP.has("rss")) {
  const { clearing } = await dataset("big", { pages: 20, transactions: BIG_RECORDS });
  const { ep747 } = await dataset("ep747", { pages: EP747_PAGES, transactions: 1000 });
  const url = await freshDatabase("finstream_bench_rss");
  const big = await ingestInto(clearing, url);
  const reports = await ingestInto(ep747, url);
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
