import type { ChildProcess } from "child_process";
import { describe, expect, it } from "vitest";
import type { KernelChild } from "../../kernel/run/forkKernel";
import { createKernelSupply } from "../../kernel/run/kernelSupply";

function fakeFork() {
  const started: string[] = [];
  const killed: string[] = [];
  const fork = (cwd: string): KernelChild => {
    const name = `kernel ${started.length + 1} in ${cwd}`;
    started.push(name);
    const child = { kill: () => (killed.push(name), true) } as unknown as ChildProcess;
    return { child, onMessage() {}, onRaw() {}, onExit() {} };
  };
  return { fork, started, killed };
}

describe("createKernelSupply", () => {
  it("starts the next notebook's kernel when the current one is taken, and only while more are needed", () => {
    const { fork, started, killed } = fakeFork();
    const supply = createKernelSupply("/root", null, fork);
    supply.take(true);
    expect(started).toEqual(["kernel 1 in /root", "kernel 2 in /root"]);
    supply.take(false);
    expect(started).toHaveLength(2); // the second notebook used the kernel started for it
    supply.dispose();
    expect(killed).toEqual([]);
  });

  it("uses a kernel started earlier first, and stops one nobody took", () => {
    const { fork, started, killed } = fakeFork();
    const first = fork("/root");
    const supply = createKernelSupply("/root", first, fork);
    expect(supply.take(false)).toBe(first);
    const unused = createKernelSupply("/root", fork("/root"), fork);
    unused.dispose();
    expect(started).toEqual(["kernel 1 in /root", "kernel 2 in /root"]);
    expect(killed).toEqual(["kernel 2 in /root"]);
  });
});
