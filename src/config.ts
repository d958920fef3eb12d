// The environment, validated into a typed config. Each variable's description is the documentation:
// `npm run env:example` writes .env.example from this file and a test keeps the two equal.
import fs from "node:fs";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A readable PNG or JPEG file (what PDF documents can embed as a logo). */
function isImageFile(file: string): boolean {
  try {
    const head = Buffer.alloc(4);
    const fd = fs.openSync(file, "r");
    try {
      fs.readSync(fd, head, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
    return head.readUInt32BE(0) === 0x89504e47 || head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));
  } catch {
    return false;
  }
}

/** "24h,1h,30m,2d" → minutes, largest first, without repeats. */
function parseOffsets(text: string): number[] {
  const unit = { m: 1, h: 60, d: 24 * 60 } as const;
  const minutes = text.split(",").map((part) => {
    const m = /^(\d+)\s*([mhd])$/.exec(part.trim())!;
    return Number(m[1]) * unit[m[2] as keyof typeof unit];
  });
  return [...new Set(minutes)].sort((a, b) => b - a);
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Each entry: the variable's schema, described; `example` is what .env.example shows for it. */
export const variables = {
  BOT_TOKEN: {
    schema: z
      .string({ error: "required: the token @BotFather gave the bot, like 123456:ABC-DEF..." })
      .regex(/^\d+:[A-Za-z0-9_-]+$/, "expected the token @BotFather gave the bot, like 123456:ABC-DEF...")
      .describe("Bot token from @BotFather. Required."),
    example: "",
  },
  DATABASE_URL: {
    schema: z
      .string()
      .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, "expected file:<path> (SQLite) or postgresql://user:pass@host:5432/db")
      .default("file:./data/metodset.db")
      .describe(
        "Database. file:<path> is an embedded SQLite file (the default, created on first start); " +
          "postgresql://user:password@host:5432/db uses PostgreSQL. Migrations are applied on start.",
      ),
    example: "file:./data/metodset.db",
  },
  BOT_API_ROOT: {
    schema: z
      .url({ error: "expected an http(s) URL without a trailing slash, like https://api.telegram.org" })
      .transform((u) => u.replace(/\/+$/, ""))
      .default("https://api.telegram.org")
      .describe("Bot API server. Point it at a self-hosted telegram-bot-api server (or a test emulator)."),
    example: "https://api.telegram.org",
  },
  BOT_MODE: {
    schema: z.enum(["polling", "webhook"]).default("polling").describe("How updates arrive: polling (simplest) or webhook."),
    example: "polling",
  },
  WEBHOOK_URL: {
    schema: z
      .url({ error: "expected the public https URL Telegram posts updates to" })
      .optional()
      .describe("Webhook mode: the public https URL Telegram posts updates to, e.g. https://bot.example.org/telegram."),
    example: "",
  },
  WEBHOOK_SECRET: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "expected 16-256 characters: letters, digits, _ and -")
      .optional()
      .describe("Webhook mode: secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; requests without it are refused."),
    example: "",
  },
  PORT: {
    schema: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(8080)
      .describe("The HTTP port of the site, /healthz and (webhook mode) Telegram's POSTs, in both modes (0: any free port, logged at start)."),
    example: "8080",
  },
  HOST: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, "expected an address to listen on, like 127.0.0.1, 0.0.0.0 or ::")
      .optional()
      .describe(
        "The address the HTTP server listens on. Unset: 127.0.0.1 in polling mode (the site on this machine only), 0.0.0.0 in webhook mode (Telegram must reach it).",
      ),
    example: "",
  },
  PUBLIC_URL: {
    schema: z
      .url({ error: "expected the site's public http(s) URL, like https://metodset.example.org" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional()
      .describe(
        "The site's public address, used in the links /web sends and in the QR codes of certificates (<PUBLIC_URL>/verify/<number>). " +
          "Unset: the origin of WEBHOOK_URL in webhook mode, else http://localhost:PORT for the links and the bot's own t.me link for the QR codes. " +
          "Telegram opens the site as a Mini App (menu button, /web) only from an https address.",
      ),
    example: "",
  },
  WEB_REPORTS_MAX_AGE_SECONDS: {
    schema: z.coerce
      .number()
      .int()
      .min(0)
      .max(3600)
      .default(60)
      .describe("The site's monitoring pages reuse a report counted this many seconds ago (a region takes seconds to count); 0 counts on every page."),
    example: "60",
  },
  HEALTH_PORT: {
    schema: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535)
      .optional()
      .describe("Deprecated (the site and /healthz are now served on PORT in both modes): in polling mode, if set, used instead of PORT."),
    example: "",
  },
  ADMIN_TELEGRAM_IDS: {
    schema: z
      .string()
      .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, "expected Telegram user ids separated by commas, like 12345,67890")
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean)
          .map(Number),
      )
      .describe("Telegram user ids of the admins, comma-separated. Admins grant the methodist role and load the directory."),
    example: "",
  },
  TIMEZONE: {
    schema: z
      .string()
      .refine(isTimeZone, "expected an IANA time zone like Europe/Moscow, Asia/Barnaul, Asia/Yekaterinburg")
      .default("Europe/Moscow")
      .describe("The district's time zone (IANA): dates are typed and shown in it, reminders follow it."),
    example: "Europe/Moscow",
  },
  DEFAULT_LOCALE: {
    schema: z.enum(LOCALES).default("ru").describe("Language for users who have not chosen one: ru or en."),
    example: "ru",
  },
  LOG_LEVEL: {
    schema: z.enum(LOG_LEVELS).default("info").describe("Log level: fatal, error, warn, info, debug, trace or silent."),
    example: "info",
  },
  SEND_RATE_PER_SECOND: {
    schema: positiveInt(25).describe(
      "Delivery: messages per second this process sends on its own (broadcasts, reminders); Telegram allows ~30 per bot. With N replicas on one PostgreSQL set 25/N on each.",
    ),
    example: "25",
  },
  SEND_GIVE_UP_HOURS: {
    schema: positiveInt(24).describe(
      "Delivery: a message Telegram cannot be reached for (network errors, 5xx) is retried this many hours after it was due, then marked failed.",
    ),
    example: "24",
  },
  SCHEDULER_TICK_SECONDS: {
    schema: positiveInt(10).describe("Delivery: how often due scheduled work (reminders, offers that expire, broadcast reports) is done, in seconds."),
    example: "10",
  },
  COURSE_OFFER_HOURS: {
    schema: positiveInt(24).describe("Courses: hours a teacher has to accept a seat freed for her before it passes on."),
    example: "24",
  },
  MEETING_REMINDER_OFFSETS: {
    schema: z
      .string()
      .regex(/^\s*\d+\s*[mhd]\s*(,\s*\d+\s*[mhd]\s*)*$/, "expected offsets like 24h,1h (m = minutes, h = hours, d = days), separated by commas")
      .default("24h,1h")
      .transform((s) => parseOffsets(s))
      .refine((list) => list.every((m) => m > 0 && m <= 30 * 24 * 60), "each offset must be between 1m and 30d")
      .describe("Meetings: how long before a meeting those who said Going are reminded, e.g. 24h,1h (m, h or d)."),
    example: "24h,1h",
  },
  ISSUER_NAME: {
    schema: z
      .string()
      .trim()
      .min(3, "expected the name of the methodological centre that issues the documents")
      .max(200, "at most 200 characters")
      .default("Информационно-методический центр")
      .describe("Documents: who issues certificates and portfolios, as printed on them: the district's methodological centre (ИМЦ)."),
    example: "Информационно-методический центр",
  },
  ISSUER_NAME_EN: {
    schema: z
      .string()
      .trim()
      .min(3, "expected the centre's name in English")
      .max(200, "at most 200 characters")
      .optional()
      .describe("Documents: the issuer's name on English documents (unset: ISSUER_NAME)."),
    example: "",
  },
  ISSUER_SIGNATORY: {
    schema: z
      .string()
      .trim()
      .max(120, "at most 120 characters")
      .optional()
      .describe(
        "Documents: who signs for the centre, printed under the signature line, e.g. Директор ИМЦ И. И. Иванова (unset: the line is left to sign by hand).",
      ),
    example: "",
  },
  ISSUER_LOGO: {
    schema: z
      .string()
      .refine(isImageFile, "expected the path of a PNG or JPEG file the bot can read")
      .optional()
      .describe("Documents: a PNG or JPEG file with the centre's logo, printed at the top of certificates and portfolios (unset: no logo)."),
    example: "",
  },
} satisfies Record<string, { schema: z.ZodType; example: string }>;

type Vars = typeof variables;
export type RawConfig = { [K in keyof Vars]: z.output<Vars[K]["schema"]> };

/**
 * The configuration, a union on BOT_MODE: in webhook mode WEBHOOK_URL and WEBHOOK_SECRET are there (the
 * cross-checks refuse a webhook without them), so `config.BOT_MODE === "webhook"` narrows to them.
 */
export type Config = CommonConfig &
  (
    | { BOT_MODE: "polling"; WEBHOOK_URL?: string | undefined; WEBHOOK_SECRET?: string | undefined }
    | { BOT_MODE: "webhook"; WEBHOOK_URL: string; WEBHOOK_SECRET: string }
  );

interface CommonConfig extends Omit<RawConfig, "BOT_MODE" | "WEBHOOK_URL" | "WEBHOOK_SECRET"> {
  databaseProvider: "sqlite" | "postgresql";
  /** the HTTP server (site, /healthz, webhook), resolved from PORT, HOST, HEALTH_PORT and PUBLIC_URL */
  http: {
    port: number;
    host: string;
    /** the site's public origin and base, without a trailing slash */
    publicUrl: string;
    /** the site is reached over https: cookies are Secure and Telegram can open it as a Mini App */
    https: boolean;
    /** the address others can reach (PUBLIC_URL or the webhook's origin), not the localhost fallback: what a printed QR code may carry */
    reachable: string | undefined;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const schema = z.object(Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.schema])) as { [K in keyof Vars]: Vars[K]["schema"] });

/** Rules between variables; checked on the raw input so that they are reported with all the others. */
function crossChecks(input: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (input.BOT_MODE === "webhook") {
    if (!input.WEBHOOK_URL) problems.push("WEBHOOK_URL: required when BOT_MODE=webhook");
    if (!input.WEBHOOK_SECRET) problems.push("WEBHOOK_SECRET: required when BOT_MODE=webhook");
  }
  return problems;
}

function httpOf(c: RawConfig): Config["http"] {
  const webhook = c.BOT_MODE === "webhook";
  const port = !webhook && c.HEALTH_PORT ? c.HEALTH_PORT : c.PORT;
  const host = c.HOST ?? (webhook ? "0.0.0.0" : "127.0.0.1");
  const reachable = c.PUBLIC_URL ?? (webhook && c.WEBHOOK_URL ? new URL(c.WEBHOOK_URL).origin : undefined);
  const publicUrl = reachable ?? `http://localhost:${port}`;
  return { port, host, publicUrl, https: publicUrl.startsWith("https:"), reachable };
}

/** Reads the config from an environment (process.env by default). Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.keys(variables).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const result = schema.safeParse(input);
  const problems = [...(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`)), ...crossChecks(input)];
  if (!result.success || problems.length) throw new ConfigError(problems);
  const c = result.data as RawConfig;
  const common = { ...c, databaseProvider: c.DATABASE_URL.startsWith("file:") ? ("sqlite" as const) : ("postgresql" as const), http: httpOf(c) };
  // the cross-checks refused a webhook without its URL and secret: here they are there
  if (c.BOT_MODE === "webhook" && c.WEBHOOK_URL && c.WEBHOOK_SECRET)
    return { ...common, BOT_MODE: "webhook", WEBHOOK_URL: c.WEBHOOK_URL, WEBHOOK_SECRET: c.WEBHOOK_SECRET };
  return { ...common, BOT_MODE: "polling" };
}

/** The text of .env.example, generated from the descriptions above. */
export function envExample(): string {
  const lines = [
    "# Configuration of the bot. Copy to .env and fill in; the environment overrides the file.",
    "# Generated from src/config.ts by `npm run env:example`: edit the descriptions there, not here.",
    "",
  ];
  for (const [name, v] of Object.entries(variables)) {
    lines.push(`# ${v.schema.description}`, `${name}=${v.example}`, "");
  }
  return lines.join("\n");
}
