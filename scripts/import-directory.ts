// npm run directory:import -- [--move | --new] <file.csv|file.xlsx> [more ...]: loads schools or subjects into the
// configured database, read exactly as /directory reads a file sent to the bot (any encoding Excel writes,
// .xlsx, Russian or English headers), refused with the same messages (in DEFAULT_LOCALE). A schools file that names a school of one district in another is not loaded
// until --move (the same schools moved, with their people) or --new (other schools of the same name) says which.
import fs from "node:fs";
import { ConfigError, loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { isDomainError } from "../src/domain/errors.js";
import { createDirectoryService } from "../src/domain/directory.js";
import { createMessages } from "../src/i18n.js";
import { createLogger } from "../src/logger.js";

const args = process.argv.slice(2);
const moves = args.includes("--move") ? "move" : args.includes("--new") ? "new" : undefined;
const files = args.filter((a) => a !== "--move" && a !== "--new");
if (!files.length) {
  console.error("usage: npm run directory:import -- [--move | --new] schools.csv|schools.xlsx [subjects.csv ...]");
  process.exit(2);
}
try {
  process.loadEnvFile(".env");
} catch {
  /* no .env */
}
let config: ReturnType<typeof loadConfig>;
try {
  // the token is not needed to import; a placeholder keeps the rest of the validation
  config = loadConfig({ ...process.env, BOT_TOKEN: process.env.BOT_TOKEN || "0:import" });
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(2);
}
const logger = createLogger("warn");
const db = await openDatabase(config.DATABASE_URL, { logger });
const directory = createDirectoryService(db.prisma);
const messages = createMessages({ defaultLocale: config.DEFAULT_LOCALE });
/** a refusal as the bot words it, without its HTML */
const explain = (code: string, args?: Record<string, string | number>) =>
  messages
    .t(config.DEFAULT_LOCALE, `error-${code}`, args)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
let failed = false;
for (const file of files) {
  try {
    const r = await directory.importFile(fs.readFileSync(file), file, { moves });
    const district = (d: string | null) => d ?? "(no district)";
    if (r.pendingMoves) {
      failed = true;
      console.error(
        `${file}: not loaded: ${r.pendingMoves.length} schools are now in another district (--move: the same schools, moved; --new: other schools of the same name):`,
      );
      for (const m of r.pendingMoves) console.error(`  ${m.name}: ${district(m.from)} -> ${district(m.to)} (${m.people} people)`);
      continue;
    }
    const districts = r.districts !== undefined ? `, districts named ${r.districts}` : "";
    console.log(`${file}: ${r.kind} added ${r.added}, updated ${r.updated}, rows with errors ${r.errors.length}${districts}`);
    for (const e of r.errors) console.log(`  line ${e.line}: ${e.problem}`);
    if (r.withoutDistrict) console.log(`  in no district (a blank district cell): ${r.withoutDistrict}`);
    for (const m of r.moved ?? []) console.log(`  moved: ${m.name}: ${district(m.from)} -> ${district(m.to)} (${m.people} people)`);
    if (r.samples?.removed) console.log(`  removed from the sample directory: ${r.samples.removed}`);
    if (r.samples?.kept.length) console.log(`  kept from the sample (people or events attached): ${r.samples.kept.join(", ")}`);
    if (r.garbled?.removed) console.log(`  removed, garbled by an earlier file in the wrong encoding: ${r.garbled.removed}`);
    if (r.garbled?.kept) console.log(`  garbled but kept (people or events attached): ${r.garbled.kept}`);
  } catch (e) {
    failed = true;
    console.error(`${file}: ${isDomainError(e) ? explain(e.code, e.args) : (e as Error).message}`);
  }
}
await db.close();
process.exit(failed ? 1 : 0);
