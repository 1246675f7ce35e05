import type { TopLevelSpec } from "vega-lite/build/src/spec";
import { writeDisplayData } from "../tslab/internals";
import { chartBundle, type ShowOptions } from "./chartBundle";

export type { ShowOptions } from "./chartBundle";

/**
 * Shows a Vega-Lite v5 chart in the notebook as one display bundle: a live chart in JupyterLab, Notebook 7 and
 * VS Code (with its sliders), the PNG drawn now everywhere else (GitHub, nbviewer, exported HTML), and a one-line
 * text form. Works under the losslab Jupyter kernel and `npx losslab run` alike. Await it: rendering is
 * asynchronous, and the cell should end after its chart is out.
 *
 * Usage in a notebook: `await show(chartHuber());`
 * @throws LossInputError `INVALID_TYPE`, `OUT_OF_DOMAIN` (see chartBundle); Error when no notebook is listening
 */
export async function show(chart: TopLevelSpec, options?: ShowOptions): Promise<void> {
  writeDisplayData(await chartBundle(chart, options));
}
