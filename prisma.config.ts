// Prisma CLI configuration for developers (`npx prisma migrate status`, `studio` ...). The bot itself never
// runs the CLI: it applies prisma/<provider>/migrations on start (src/db/migrate.ts).
// The provider follows DATABASE_URL exactly as at run time: postgres:// → prisma/postgresql, else SQLite.
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/metodset.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  schema: path.join("prisma", provider, "schema.prisma"),
  migrations: { path: path.join("prisma", provider, "migrations") },
  datasource: { url },
});
