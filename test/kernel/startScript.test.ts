import { spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { root } from "./support/cli";

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("kernel/jupyter/start.js", () => {
  it("ends the kernel when the front-end that started it dies without shutting it down", { timeout: 90_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "losslab-start-"));
    const connection = path.join(dir, "connection.json");
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    fs.writeFileSync(
      connection,
      JSON.stringify({
        shell_port: ports[0],
        iopub_port: ports[1],
        stdin_port: ports[2],
        control_port: ports[3],
        hb_port: ports[4],
        ip: "127.0.0.1",
        key: "test",
        transport: "tcp",
        signature_scheme: "hmac-sha256",
        kernel_name: "losslab",
      }),
    );
    // A stand-in front-end: starts the kernel, prints its pid, and exits after a moment without a shutdown request.
    const start = path.join(root, "kernel", "jupyter", "start.js");
    const script = `const k = require("child_process").spawn(process.execPath, [${JSON.stringify(start)}, ${JSON.stringify(connection)}], { stdio: "ignore" });
      console.log(k.pid); setTimeout(() => process.exit(0), 2000);`;
    const frontEnd = spawn(process.execPath, ["-e", script], { cwd: os.tmpdir(), stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    frontEnd.stdout.on("data", (d: Buffer) => (out += d.toString()));
    await new Promise((resolve) => frontEnd.on("exit", resolve));
    const kernel = Number(out.trim());
    expect(kernel).toBeGreaterThan(0);
    const deadline = Date.now() + 30_000;
    while (alive(kernel) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const stillAlive = alive(kernel);
    if (stillAlive) process.kill(kernel, "SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
    expect(stillAlive).toBe(false);
  });
});
