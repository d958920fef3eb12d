import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder (where package.json, prisma/ and locales/ are), from src/ or dist/src/. */
export const projectRoot = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(path.dirname(here)) === "dist" ? path.resolve(here, "../..") : path.resolve(here, "..");
})();
