/**
 * The one place that touches tslab's internals (tslab 1.0.x): the display writer behind `tslab.display`
 * (`tslab/dist/jupyter`'s `lastWriteDisplayData`) and the converter/executor pair that compiles and runs cells.
 *
 * This file is also compiled by tslab itself when a notebook imports a module that displays (charts), so it keeps
 * to TypeScript 5.0 syntax, imports no tslab types (they would drag TypeScript's own declarations into every
 * notebook) and keeps no state of its own: the display writer lives in tslab's module, which the kernel (or the
 * headless runner) and every notebook share because they all `require` the project's `node_modules/tslab`.
 */

import { expandShorthandProperties, type ShorthandCompilerApi } from "./shorthand";

/** One display bundle: MIME type → value (a string, or an object for JSON MIME types), as Jupyter's display_data. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  /** `display_id` makes a display updatable (see {@link DisplayWriter}). */
  transient?: { display_id?: string };
}

/** Receives every display bundle a cell sends; `update` is true for `update_display_data`. */
export type DisplayWriter = (bundle: DisplayBundle, update: boolean) => void;

interface TslabJupyterModule {
  lastWriteDisplayData: DisplayWriter | null;
}

function jupyterModule(): TslabJupyterModule {
  return require("tslab/dist/jupyter") as TslabJupyterModule;
}

/**
 * Sends one display bundle (several MIME types at once) to the running notebook: the Jupyter kernel's iopub
 * channel, or the headless runner's writer.
 * @throws Error when no cell is running under the losslab kernel or runner
 */
export function writeDisplayData(bundle: DisplayBundle): void {
  const write = jupyterModule().lastWriteDisplayData;
  if (typeof write !== "function") {
    throw new Error(
      "losslab display: no notebook is listening (run this cell in the losslab kernel or with `npx losslab run`)",
    );
  }
  write({ data: bundle.data, metadata: bundle.metadata || {}, transient: bundle.transient || {} }, false);
}

/** Routes `tslab.display` and {@link writeDisplayData} to `writer` (the headless runner), or detaches with `null`. */
export function setDisplayWriter(writer: DisplayWriter | null): void {
  jupyterModule().lastWriteDisplayData = writer;
}

/** The console the executor reports to: `log` for a cell's last expression, `error` for diagnostics and throws. */
export interface ExecutorConsole {
  log(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A tslab execution session: cells share declarations, as in the kernel. */
export interface TslabSession {
  /** Compiles and runs one cell; resolves false when it failed (the reason went to the console's `error`). */
  execute(code: string): Promise<boolean>;
  /** Interrupts a cell that is awaiting (a synchronous loop is interrupted by SIGINT instead). */
  interrupt(): void;
  /** The cells' top-level declarations, by name (tslab stores them on its exports object). */
  readonly locals: Record<string, unknown>;
  close(): void;
}

export interface TslabSessionOptions {
  /** The compiler root: must be the process's working directory (tslab's converter reads `process.cwd()`). */
  rootDir: string;
  console: ExecutorConsole;
  /**
   * Watch the compiled files for changes, as the interactive kernel does (default false: a headless run does not
   * edit files while it runs, and the ~900 file watchers cost start-up time).
   */
  watchFiles?: boolean;
}

interface TsSys {
  watchFile?: (...args: unknown[]) => { close(): void };
  watchDirectory?: (...args: unknown[]) => { close(): void };
}

interface Converter {
  close(): void;
}

/**
 * Creates the converter/executor pair the tslab kernel uses, in this process (one per process: the executor keeps
 * its state on `globalThis.__tslab__`).
 * @throws Error when `rootDir` is not the working directory
 */
export function createTslabSession(options: TslabSessionOptions): TslabSession {
  const path = require("path") as typeof import("path");
  if (path.resolve(options.rootDir) !== process.cwd()) {
    throw new Error(`createTslabSession: rootDir must be the working directory (got ${options.rootDir}, cwd ${process.cwd()})`);
  }
  if (!options.watchFiles) {
    // tslab's own TypeScript fork, resolved from tslab's folder so that it is the copy tslab uses.
    const tslabDir = path.dirname(require.resolve("tslab/package.json"));
    const tsPath = require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] });
    const sys = (require(tsPath) as { sys: TsSys }).sys;
    const none = () => ({ close() {} });
    sys.watchFile = none;
    sys.watchDirectory = none;
  }
  fixShorthandProperties();
  const { createConverter } = require("tslab/dist/converter") as {
    createConverter(o: { isJS: boolean; isBrowser: boolean }): Converter;
  };
  const { createExecutor } = require("tslab/dist/executor") as {
    createExecutor(rootDir: string, convs: unknown, console: ExecutorConsole): TslabSession;
  };
  let browser: Converter | null = null;
  const node = createConverter({ isJS: false, isBrowser: false });
  const convs = {
    node,
    get browser() {
      if (!browser) browser = createConverter({ isJS: false, isBrowser: true });
      return browser;
    },
    close() {
      node.close();
      if (browser) browser.close();
    },
  };
  return createExecutor(process.cwd(), convs, options.console);
}

interface ConverterModule {
  createConverter: ((o: { isJS: boolean; isBrowser: boolean }) => CellConverter) & { losslabShorthand?: true };
}

interface CellConverter {
  convert(prevDecl: string, src: string): unknown;
}

/**
 * Makes every converter tslab creates from now on write out shorthand properties before compiling a cell
 * (`{ logits }` → `{ logits: logits }`; see shorthand.ts for the tslab bug this works around). Patches the
 * module's export, which tslab's kernel reads at each call; safe to call more than once.
 */
export function fixShorthandProperties(): void {
  const path = require("path") as typeof import("path");
  const mod = require("tslab/dist/converter") as ConverterModule;
  if (mod.createConverter.losslabShorthand) return;
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] })) as ShorthandCompilerApi;
  const original = mod.createConverter;
  const patched = (o: { isJS: boolean; isBrowser: boolean }): CellConverter => {
    const converter = original(o);
    const convert = converter.convert;
    converter.convert = (prevDecl, src) => convert.call(converter, prevDecl, expandShorthandProperties(ts, src));
    return converter;
  };
  mod.createConverter = Object.assign(patched, { losslabShorthand: true as const });
}

/** Writes the compiler's V8 code cache for the next kernel (see {@link loadTypeScriptWithCodeCache}). */
export type SaveCodeCache = () => void;

/**
 * Loads tslab's TypeScript (a 9 MB script) with a V8 code cache kept in `cacheDir`, and registers it as the module
 * tslab will `require`: later kernels skip most of its parsing and compiling. Call before
 * {@link createTslabSession}; call the returned function after the cells ran to store a cache that also holds the
 * functions compiled while running (it writes only when there was no usable cache).
 */
export function loadTypeScriptWithCodeCache(cacheDir: string): SaveCodeCache {
  const fs = require("fs") as typeof import("fs");
  const path = require("path") as typeof import("path");
  const vm = require("vm") as typeof import("vm");
  const Module = require("module") as typeof import("module") & {
    wrap(code: string): string;
    _nodeModulePaths(dir: string): string[];
  };
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  const file = require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] });
  if (require.cache[file]) return () => {};
  const cacheFile = path.join(cacheDir, `typescript-${process.versions.v8}-${fs.statSync(file).size}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  require.cache[file] = mod;
  try {
    script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  } catch (e) {
    delete require.cache[file];
    throw e;
  }
  mod.loaded = true;
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  return () => {
    if (usable) return;
    fs.mkdirSync(cacheDir, { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
  };
}
