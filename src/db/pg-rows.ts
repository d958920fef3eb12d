// PostgreSQL rows read on the pool itself, for the statements that read thousands of rows (the
// monitoring reports' people): Prisma's raw-result handling (a typed value per cell, the rows rebuilt
// as objects) cost 0.4–0.8 s for a region's 30,000 people, node-postgres' own rows a fraction of it.
// Values are what Prisma gives for the columns these statements select: int4 → number, bool → boolean,
// text and enums → string, and `timestamp(3)` (Prisma's DateTime, UTC in a column without time zone)
// → the Date of that UTC time, not of the process's local time as node-postgres would read it.
import type pg from "pg";
import type { Prisma } from "../generated/sqlite/client.js";

export interface PgRows {
  /** The rows of `q` (its text has $1… placeholders, its values bound as Prisma binds them). */
  rows<T>(q: Prisma.Sql): Promise<T[]>;
}

/** `timestamp without time zone` */
const TIMESTAMP = 1114;

/** "2026-11-24 09:00:00.123" read as UTC (node-postgres would read it as local time). */
const utc = (v: string): Date => new Date(`${v.replace(" ", "T")}Z`);

export function pgRows(pool: pg.Pool, types: typeof pg.types): PgRows {
  const getTypeParser = ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? utc : types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"];
  return {
    async rows<T>(q: Prisma.Sql): Promise<T[]> {
      const result = await pool.query({ text: q.text, values: q.values as unknown[], types: { getTypeParser } });
      return result.rows as T[];
    },
  };
}
