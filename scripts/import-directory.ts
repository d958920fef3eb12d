// npm run directory:import -- <file.csv> [more.csv ...]: loads schools or subjects into the configured database.
import fs from "node:fs";
import { ConfigError, loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { isDomainError } from "../src/domain/errors.js";
import { createDirectoryService } from "../src/domain/directory.js";
import { createLogger } from "../src/logger.js";

const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: npm run directory:import -- schools.csv [subjects.csv ...]");
  process.exit(2);
}
try {
  process.loadEnvFile(".env");
} catch {
  /* no .env */
}
let config;
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
let failed = false;
for (const file of files) {
  try {
    const r = await directory.importCsv(fs.readFileSync(file, "utf8"));
    const districts = r.districts !== undefined ? `, districts named ${r.districts}` : "";
    console.log(`${file}: ${r.kind} added ${r.added}, updated ${r.updated}, rows with errors ${r.errors.length}${districts}`);
    for (const e of r.errors) console.log(`  line ${e.line}: ${e.problem}`);
    if (r.samples?.removed) console.log(`  removed from the sample directory: ${r.samples.removed}`);
    if (r.samples?.kept.length) console.log(`  kept from the sample (people or events attached): ${r.samples.kept.join(", ")}`);
  } catch (e) {
    failed = true;
    console.error(`${file}: ${isDomainError(e) ? e.code : (e as Error).message}`);
  }
}
await db.close();
process.exit(failed ? 1 : 0);
