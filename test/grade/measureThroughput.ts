/**
 * Grading throughput: grades N copies of one submission with `losslab grade --jobs J` (a child process, as a teacher
 * runs it) and prints submissions per minute, with the machine's load before and after.
 *   npx tsx test/grade/measureThroughput.ts [copies=20] [jobs=2] [submission=test/grade/fixtures/correct-alternative.ipynb]
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const [copies = 20, jobs = 2] = process.argv.slice(2, 4).map(Number);
const submission = path.resolve(ROOT, process.argv[4] ?? "test/grade/fixtures/correct-alternative.ipynb");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-throughput-"));
for (let i = 1; i <= copies; i++) fs.copyFileSync(submission, path.join(dir, `learner-${String(i).padStart(3, "0")}.ipynb`));
// One warm-up run first, so that the library build and the kernel's compilation are cached as in a teacher's second run.
spawnSync(process.execPath, [path.join(ROOT, "bin", "losslab.js"), "grade", path.join(dir, "learner-001.ipynb"), "--json"], { cwd: ROOT });
const load = () => os.loadavg()[0].toFixed(2);
const loadBefore = load();
const started = Date.now();
const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "losslab.js"), "grade", dir, "--json", "--jobs", String(jobs)], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const seconds = (Date.now() - started) / 1000;
if (result.status !== 0) {
  console.error(`losslab grade exited with ${result.status}:\n${result.stderr}`);
  process.exit(1);
}
const report = JSON.parse(result.stdout) as { submissions: { score: number; status: string; seconds: number }[] };
const scores = [...new Set(report.submissions.map((s) => `${s.status} ${s.score}`))];
console.log(`${copies} submissions, --jobs ${jobs}: ${seconds.toFixed(1)} s wall, ${((copies / seconds) * 60).toFixed(1)} submissions/minute`);
console.log(`per submission (inside its job): mean ${(report.submissions.reduce((s, x) => s + x.seconds, 0) / copies).toFixed(2)} s; results: ${scores.join(", ")}`);
console.log(`load average (1 min): ${loadBefore} before, ${load()} after; ${os.cpus().length} cores`);
fs.rmSync(dir, { recursive: true, force: true });
