import * as fs from "fs";
import * as path from "path";

/**
 * Runs `fn` while holding an exclusive lock file (created with O_EXCL, holding the owner's pid). Waits for a lock
 * held by a live process (up to `timeoutMs`), and takes over one left by a process that died.
 * @throws Error when the lock stays held past `timeoutMs`
 */
export function withLock<T>(file: string, fn: () => T, timeoutMs = 300_000): T {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (!holderAlive(file)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`withLock: ${file} is still held by process ${readPid(file)}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // sleep 100 ms without a busy loop
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function holderAlive(file: string): boolean {
  const pid = readPid(file);
  if (pid === null) {
    // Created but not written yet, or written by a process that died at once: trust a young file only.
    try {
      return Date.now() - fs.statSync(file).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
