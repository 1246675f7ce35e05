import { Worker } from "worker_threads";

/**
 * Ends this process when its parent is gone, even while a cell blocks the event loop (an infinite loop): a worker
 * thread, which keeps running beside the blocked main thread, checks the parent pid every `intervalMs` and sends
 * SIGKILL to its own process once it changed (we were re-parented). The worker does not keep the process alive.
 */
export function startOrphanWatch(intervalMs = 1000): void {
  const code = `
    const parent = process.ppid;
    setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, "SIGKILL"); }, ${Math.max(50, intervalMs)});
  `;
  const worker = new Worker(code, { eval: true, stdout: false, stderr: false });
  worker.unref();
}
