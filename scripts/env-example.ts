// Writes .env.example from the config schema's descriptions (src/config.ts). A test keeps them equal.
import fs from "node:fs";
import path from "node:path";
import { envExample } from "../src/config.js";
import { projectRoot } from "../src/paths.js";

fs.writeFileSync(path.join(projectRoot, ".env.example"), envExample());
console.log("wrote .env.example");
