// The app's own migrator: a database it migrated once is opened again without applying anything twice.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { readMigrations } from "../../src/db/migrate.js";
import { providers, tempDatabase } from "../helpers/databases.js";

describe.each(providers)("the migrator on %s", (provider) => {
  it("reopening a migrated database applies nothing again and keeps the data", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const applying = () => lines.filter((l) => l.includes("applying migration")).length;
    const tmp = await tempDatabase(provider);
    try {
      const first = await openDatabase(tmp.url, { logger });
      await first.prisma.subject.create({ data: { code: "astro", nameRu: "Астрономия", nameEn: "Astronomy" } });
      await first.close();
      expect(applying()).toBe(readMigrations(provider).length);

      const again = await openDatabase(tmp.url, { logger });
      try {
        expect(applying()).toBe(readMigrations(provider).length);
        expect(await again.prisma.subject.count({ where: { code: "astro" } })).toBe(1);
        const recorded = await again.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
          `SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
        );
        expect(Number(recorded[0]!.n)).toBe(readMigrations(provider).length);
      } finally {
        await again.close();
      }
    } finally {
      await tmp.drop();
    }
  });
});
