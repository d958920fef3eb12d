// Loud notice when PostgreSQL is not part of this run.
if (!process.env.TEST_DATABASE_URL && !(globalThis as { __pgNotice?: boolean }).__pgNotice) {
  (globalThis as { __pgNotice?: boolean }).__pgNotice = true;
  console.warn(
    "\n⚠️  TEST_DATABASE_URL is not set: PostgreSQL tests are SKIPPED, only SQLite is tested.\n" +
      "    Set it (e.g. postgresql://postgres@127.0.0.1:5432/test) to test both databases.\n",
  );
}
