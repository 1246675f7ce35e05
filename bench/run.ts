/**
 * `npm run bench -- [options]`: times every loss and its gradient in losslab and, in the same run, in numpy;
 * prints the table; `--write` regenerates bench/RESULTS.md. See bench/README.md.
 */
import * as os from "node:os";
import * as losslab from "../src/index";
import { formatShape, missing, sizesFor } from "./case";
import { ALL_CASES } from "./cases";
import { parseCli, USAGE } from "./cli";
import type { CliOptions } from "./cli";
import { ALLOCATOR_TEXT, describeMachine, nodeAllocatorPinned } from "./machine";
import { measureMemory, memoryUnavailable, renderMemory } from "./memory";
import type { MemoryProbe } from "./memoryProbe";
import { renderResults, RESULTS_PATH, writeAtomic } from "./results";
import { runSuite, selectCases } from "./suite";
import { renderTable } from "./table";

function listCases(cli: CliOptions): string {
  return selectCases(ALL_CASES, cli.filter)
    .map((c) => {
      const sizes = cli.dtypes.map((d) => `${d}: ${sizesFor(c, cli.tiers, d, cli.f64Large).map((s) => formatShape(s.shape)).join(", ")}`);
      const waiting = missing(losslab, c);
      const state = waiting.length === 0 ? "" : `  (waiting for ${waiting.join(", ")})`;
      return `${c.id.padEnd(14)} ${c.value} / ${c.grad}${state}\n${" ".repeat(15)}${sizes.join("; ")}`;
    })
    .join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  let cli: CliOptions;
  try {
    cli = parseCli(argv);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
    return 2;
  }
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (cli.list) {
    process.stdout.write(`${listCases(cli)}\n`);
    return 0;
  }
  if (!nodeAllocatorPinned()) {
    process.stderr.write(`note: Node runs with glibc's default allocator settings; \`npm run bench\` sets ${ALLOCATOR_TEXT}, as losslab's kernels have them (large gradients can be several times slower without)\n`);
  }
  const load = os.loadavg()[0];
  const started = new Date();
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const empty = { rows: [], pending: [], numpy: null, numpyNote: "not requested (--no-timing)" };
  const result = !cli.timing ? empty : await runSuite({
    lib: losslab,
    cases: ALL_CASES,
    filter: cli.filter,
    tiers: cli.tiers,
    dtypes: cli.dtypes,
    tasks: cli.tasks,
    protocol: cli.protocol,
    numpy: cli.numpy,
    python: cli.python,
    defaultMalloc: cli.defaultMalloc,
    f64Large: cli.f64Large,
    log,
  });
  if (cli.timing) process.stdout.write(`${renderTable(result)}\n`);
  let memory: MemoryProbe[] | null = null;
  if (cli.memory) {
    const why = memoryUnavailable();
    if (why !== null) process.stderr.write(`--memory: not measured (${why})\n`);
    else memory = measureMemory(selectCases(ALL_CASES, cli.filter), cli.tiers, cli.dtypes, cli.f64Large, log);
    if (memory !== null) process.stdout.write(`\n${renderMemory(memory)}\n`);
  }
  if (cli.json !== undefined) writeAtomic(cli.json, `${JSON.stringify({ ...result, memory }, null, 1)}\n`);
  if (cli.write) {
    const command = ["npm run bench --", ...argv].join(" ").replace(/ --$/, "");
    writeAtomic(RESULTS_PATH, renderResults(result, memory, describeMachine(result.numpy, load, started), command, cli.protocol));
    process.stderr.write(`wrote ${RESULTS_PATH}\n`);
  }
  const failed = result.rows.some((r) => r.jsError !== undefined || r.numpyError !== undefined);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
