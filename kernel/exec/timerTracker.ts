import { createHook } from "async_hooks";

/** Counts the timers (setTimeout, setInterval) that cells started and that have not fired or been cleared. */
export interface TimerTracker {
  pending(): number;
  /** Resolves when no cell timer is pending or after `maxMs`, with the number still pending. */
  settle(maxMs: number): Promise<number>;
  stop(): void;
}

/**
 * Tracks timers created while `inCell()` is true (the kernel asks its AsyncLocalStorage), with an async hook.
 * Only "Timeout" resources are followed: immediates and promises settle by themselves.
 */
export function createTimerTracker(inCell: () => boolean): TimerTracker {
  const live = new Set<number>();
  const hook = createHook({
    init(asyncId, type) {
      if (type === "Timeout" && inCell()) live.add(asyncId);
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  });
  hook.enable();
  return {
    pending: () => live.size,
    async settle(maxMs) {
      const deadline = Date.now() + maxMs;
      while (live.size > 0 && Date.now() < deadline) {
        await new Promise<void>((resolve) => setTimeout(resolve, Math.min(10, Math.max(1, deadline - Date.now()))));
      }
      return live.size;
    },
    stop: () => hook.disable(),
  };
}
