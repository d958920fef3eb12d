import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, envExample, loadConfig, variables } from "../../src/config.js";
import { projectRoot } from "../../src/paths.js";
import { BUILD_TIMEOUT_MS, ensureBuilt, MAIN } from "../helpers/built.js";

const TOKEN = "123456:ABC-def_1";

describe("configuration", () => {
  it("fills defaults: embedded SQLite, polling, Moscow time, Russian", () => {
    const c = loadConfig({ BOT_TOKEN: TOKEN });
    expect(c).toMatchObject({
      DATABASE_URL: "file:./data/metodset.db",
      databaseProvider: "sqlite",
      BOT_API_ROOT: "https://api.telegram.org",
      BOT_MODE: "polling",
      TIMEZONE: "Europe/Moscow",
      DEFAULT_LOCALE: "ru",
      ADMIN_TELEGRAM_IDS: [],
      SEND_RATE_PER_SECOND: 25,
    });
  });

  it("the HTTP server and the site: this machine only in polling mode, every interface in webhook mode, the public address derived", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN }).http).toEqual({
      port: 8080,
      host: "127.0.0.1",
      publicUrl: "http://localhost:8080",
      https: false,
      reachable: undefined,
    });
    const webhook = { BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/tg/hook", WEBHOOK_SECRET: "s3cret-s3cret-s3cret" };
    expect(loadConfig(webhook).http).toEqual({
      port: 8080,
      host: "0.0.0.0",
      publicUrl: "https://bot.example.org",
      https: true,
      reachable: "https://bot.example.org",
    });
    expect(loadConfig({ ...webhook, PUBLIC_URL: "https://metodset.example.org/", HOST: "::", PORT: "3000" }).http).toEqual({
      port: 3000,
      host: "::",
      publicUrl: "https://metodset.example.org",
      https: true,
      reachable: "https://metodset.example.org",
    });
    // the old name of the port in polling mode still works; webhook mode ignores it
    expect(loadConfig({ BOT_TOKEN: TOKEN, HEALTH_PORT: "8081" }).http.port).toBe(8081);
    expect(loadConfig({ ...webhook, HEALTH_PORT: "8081" }).http.port).toBe(8080);
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, PUBLIC_URL: "metodset" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ BOT_TOKEN: TOKEN, HOST: "a b" })).toThrow(/HOST/);
  });

  it("reads every kind of value", () => {
    const c = loadConfig({
      BOT_TOKEN: TOKEN,
      DATABASE_URL: "postgresql://u:p@db:5432/metodset",
      BOT_API_ROOT: "http://localhost:8081/",
      ADMIN_TELEGRAM_IDS: " 12, 34 ",
      TIMEZONE: "Asia/Barnaul",
      DEFAULT_LOCALE: "en",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/tg",
      WEBHOOK_SECRET: "s3cret-s3cret-s3cret",
      PORT: "3000",
    });
    expect(c.databaseProvider).toBe("postgresql");
    expect(c.BOT_API_ROOT).toBe("http://localhost:8081");
    expect(c.ADMIN_TELEGRAM_IDS).toEqual([12, 34]);
    expect(c.PORT).toBe(3000);
  });

  it("names every bad variable at once, with what it expects", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ DATABASE_URL: "mysql://x", TIMEZONE: "Mars/Olympus", ADMIN_TELEGRAM_IDS: "abc", BOT_MODE: "webhook", PORT: "70000" });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.message;
    for (const name of ["BOT_TOKEN", "DATABASE_URL", "TIMEZONE", "ADMIN_TELEGRAM_IDS", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT"]) {
      expect(text).toContain(name);
    }
    expect(text).toContain("IANA time zone");
    expect(text).toContain("postgresql://");
  });

  it("the process exits with a clear message and no stack trace", { timeout: BUILD_TIMEOUT_MS }, () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, MAIN, {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, BOT_TOKEN: "", TIMEZONE: "Nowhere/Land" },
      encoding: "utf8",
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("BOT_TOKEN");
    expect(r.stderr).toContain("TIMEZONE");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it(".env.example documents every variable and matches the schema", () => {
    const file = fs.readFileSync(path.join(projectRoot, ".env.example"), "utf8");
    expect(file, "run `npm run env:example`").toBe(envExample());
    for (const name of Object.keys(variables)) expect(file).toContain(`\n${name}=`);
  });
});
