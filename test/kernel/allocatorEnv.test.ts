import { execFileSync } from "child_process";
import * as fs from "fs";
import { describe, expect, it } from "vitest";
import { ALLOCATOR_ENV, withAllocatorEnv } from "../../kernel/exec/allocatorEnv";
import { forkKernel } from "../../kernel/run/forkKernel";
import { sandboxEnv } from "../../kernel/grade/sandbox/sandboxKernel";
import { installedKernelSpec } from "../../kernel/cli/kernelCommand";

describe("kernels' allocator settings", () => {
  it("adds the three settings to an environment without them, keeping everything else", () => {
    const env = withAllocatorEnv({ PATH: "/bin", HOME: "/h" });
    expect(env).toEqual({ PATH: "/bin", HOME: "/h", ...ALLOCATOR_ENV });
  });

  it("keeps values the caller set and extends an existing GLIBC_TUNABLES list", () => {
    const env = withAllocatorEnv({ MALLOC_MMAP_THRESHOLD_: "65536", GLIBC_TUNABLES: "glibc.malloc.arena_max=2" });
    expect(env.MALLOC_MMAP_THRESHOLD_).toBe("65536");
    expect(env.MALLOC_TRIM_THRESHOLD_).toBe(ALLOCATOR_ENV.MALLOC_TRIM_THRESHOLD_);
    expect(env.GLIBC_TUNABLES).toBe("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
    expect(withAllocatorEnv({ GLIBC_TUNABLES: "glibc.malloc.hugetlb=0" }).GLIBC_TUNABLES).toBe("glibc.malloc.hugetlb=0");
  });

  it("does not modify its argument", () => {
    const given = { PATH: "/bin" };
    withAllocatorEnv(given);
    expect(given).toEqual({ PATH: "/bin" });
  });

  it("reach the installed kernelspec and the grader's sandboxed kernels", () => {
    expect(installedKernelSpec("/usr/bin/node", "/repo").env).toEqual(ALLOCATOR_ENV);
    const env = sandboxEnv("/tmp/ws", "/repo/node_modules", { PATH: "/bin", MALLOC_TRIM_THRESHOLD_: "1", SECRET: "x" });
    expect(env).toMatchObject(ALLOCATOR_ENV); // the grader's own MALLOC_* is dropped with its other variables
    expect(env.SECRET).toBeUndefined();
  });

  it("are what glibc's loader sees: GLIBC_TUNABLES names a tunable this glibc knows", () => {
    // ld.so --list-tunables prints the tunables of the running glibc (≥ 2.33); hugetlb exists from 2.35.
    const ldso = ["/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1"].find((p) => fs.existsSync(p));
    if (ldso === undefined) {
      if (process.env.CI === "true") throw new Error("no glibc dynamic loader found");
      console.log("skipping the tunable check: no glibc dynamic loader at the usual paths");
      return;
    }
    const list = execFileSync(ldso, ["--list-tunables"], { encoding: "utf8" });
    expect(list).toMatch(/^glibc\.malloc\.hugetlb:/m);
  });

  it.skipIf(process.platform !== "linux")("are in the environment of a forked kernel process (Linux: /proc)", () => {
    const kernel = forkKernel(process.cwd(), { PATH: process.env.PATH ?? "" });
    try {
      const pid = kernel.child.pid;
      if (pid === undefined) throw new Error("the kernel did not start");
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      for (const [name, value] of Object.entries(ALLOCATOR_ENV)) expect(environ).toContain(`${name}=${value}`);
    } finally {
      kernel.child.kill();
    }
  });
});
