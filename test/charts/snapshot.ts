// Spec equality for the builders: each small-input spec is compared exactly (as pretty JSON, every key and number)
// with a reviewed file in test/charts/specs/. The theme is checked once (theme.test.ts), so it is left out here.
import { join } from "node:path";
import { expect } from "vitest";
import { chartTheme } from "../../src/charts";
import type { ChartSpec } from "../../src/charts";

export async function expectSpecFile(spec: ChartSpec, name: string): Promise<void> {
  const { config, ...rest } = spec;
  expect(config).toEqual(chartTheme);
  await expect(`${JSON.stringify(rest, null, 1)}\n`).toMatchFileSnapshot(join(__dirname, "specs", `${name}.json`));
}
