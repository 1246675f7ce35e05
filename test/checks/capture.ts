import { vi } from "vitest";

/** Runs `f` with console.log captured; returns its result and the printed lines (arguments joined by spaces). */
export function capture<T>(f: () => T): { result: T; lines: string[] } {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(" "));
  });
  try {
    return { result: f(), lines };
  } finally {
    spy.mockRestore();
  }
}
