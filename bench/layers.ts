// Where the CPU time of a scenario goes, layer by layer, from a V8 CPU profile of its measured phase:
// each sample is given to the innermost frame of its stack that belongs to a known layer (a native
// call such as SQLite's `run` counts for the library that called it), so "Prisma client" is the client
// runtime's own work and "SQLite driver" the adapter, better-sqlite3 and SQLite itself. Multiplied by
// the CPU time per update, it says in microseconds what each layer costs an update, so a regression
// names its cause ("Prisma client: 310 → 620 µs").
import { Session } from "node:inspector/promises";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
}

/** Layers in the order they are printed. */
export const LAYERS = [
  "Prisma client (query building, plan, results)",
  "SQLite driver (adapter, better-sqlite3, SQL)",
  "PostgreSQL driver (adapter, pg)",
  "grammY (middleware tree, API client)",
  "conversations (storage, replay)",
  "i18n (Fluent, negotiation)",
  "app: bot (middlewares, handlers, storage)",
  "app: domain services and db",
  "spreadsheets, charts, PDFs",
  "bench driver and fake Bot API",
  "other libraries and Node",
  "GC and V8 internals",
] as const;

export type Layer = (typeof LAYERS)[number];

function layerOfUrl(url: string): Layer | undefined {
  if (!url) return undefined;
  if (url.includes("/node_modules/")) {
    if (/@prisma\/adapter-better-sqlite3|\/better-sqlite3\//.test(url)) return "SQLite driver (adapter, better-sqlite3, SQL)";
    if (/@prisma\/adapter-pg|\/node_modules\/pg(-[a-z]+)?\//.test(url)) return "PostgreSQL driver (adapter, pg)";
    if (/@prisma\//.test(url)) return "Prisma client (query building, plan, results)";
    if (/@grammyjs\/conversations/.test(url)) return "conversations (storage, replay)";
    if (/@grammyjs\/i18n|@fluent\//.test(url)) return "i18n (Fluent, negotiation)";
    if (/\/grammy\/|@grammyjs\//.test(url)) return "grammY (middleware tree, API client)";
    if (/exceljs|jszip|archiver|@resvg|pdfkit|fontkit|qrcode|sax|unzipper/.test(url)) return "spreadsheets, charts, PDFs";
    return "other libraries and Node";
  }
  if (url.includes("/src/generated/")) return "Prisma client (query building, plan, results)";
  if (/\/src\/bot\//.test(url)) return "app: bot (middlewares, handlers, storage)";
  if (/\/src\/(domain|db)\//.test(url) || /\/src\/i18n\.ts/.test(url)) return "app: domain services and db";
  if (/\/src\/(reports|charts|pdf)\//.test(url)) return "spreadsheets, charts, PDFs";
  if (/\/(bench|test)\//.test(url)) return "bench driver and fake Bot API";
  if (url.startsWith("node:")) return undefined;
  return "other libraries and Node";
}

/** Share of the busy samples of `profile` by layer (0..1). */
export function layerShares(profile: CpuProfile): Map<Layer, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const layerOfNode = new Map<number, Layer>();
  const resolve = (id: number): Layer => {
    const known = layerOfNode.get(id);
    if (known) return known;
    const node = nodes.get(id)!;
    const name = node.callFrame.functionName;
    let layer: Layer;
    if (name === "(garbage collector)" || name === "(program)") layer = "GC and V8 internals";
    else {
      const own = layerOfUrl(node.callFrame.url);
      const up = parent.get(id);
      layer = own ?? (up === undefined ? "other libraries and Node" : resolve(up));
    }
    layerOfNode.set(id, layer);
    return layer;
  };
  const counts = new Map<Layer, number>();
  let total = 0;
  for (const s of profile.samples) {
    // idle is waiting (on the fake Bot API's latency, say), not work
    if (nodes.get(s)!.callFrame.functionName === "(idle)") continue;
    const layer = resolve(s);
    counts.set(layer, (counts.get(layer) ?? 0) + 1);
    total++;
  }
  return new Map(LAYERS.map((l) => [l, total ? (counts.get(l) ?? 0) / total : 0]));
}

/** Takes a CPU profile of `fn` (sampling every `intervalUs`). */
export async function profiled<T>(fn: () => Promise<T>, intervalUs = 500): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: intervalUs });
    await session.post("Profiler.start");
    let result: T;
    try {
      result = await fn();
    } catch (e) {
      await session.post("Profiler.stop");
      throw e;
    }
    const { profile } = await session.post("Profiler.stop");
    return { result, profile: profile as unknown as CpuProfile };
  } finally {
    session.disconnect();
  }
}

export interface LayerRow {
  layer: Layer;
  share: number;
  /** CPU µs per update spent in this layer */
  usPerUpdate: number;
}

/**
 * The layers of `profile` as µs per update, given the process CPU time the profiled phase used and the
 * updates it handled (idle time is left out: it is waiting, not work).
 */
export function layerTable(profile: CpuProfile, cpuUs: number, updates: number): LayerRow[] {
  const shares = layerShares(profile);
  return LAYERS.map((layer) => {
    const share = shares.get(layer) ?? 0;
    return { layer, share: Math.round(share * 1000) / 1000, usPerUpdate: Math.round((share * cpuUs) / Math.max(1, updates)) };
  });
}
