import { pino, type DestinationStream, type Logger as PinoLogger } from "pino";

export type Logger = PinoLogger;

export interface LoggerOptions {
  /**
   * Values no log line may show (the bot token, the webhook secret): replaced by `[redacted]` wherever
   * they appear in a line, messages, error messages, stacks and causes included.
   */
  secrets?: (string | undefined)[];
  /** where lines go (stdout by default; tests capture them) */
  destination?: DestinationStream;
}

const REDACTED = "[redacted]";

/**
 * The forms a secret can take in a line: as it is, percent-encoded (a token's colon in a URL), and a bot
 * token's secret half alone (`<bot id>:<secret>`: the id is public, the rest is not).
 */
function forms(secret: string): string[] {
  const half = /^\d+:(.+)$/.exec(secret)?.[1];
  return [secret, encodeURIComponent(secret), ...(half ? [half] : [])];
}

/** Replaces every secret in a finished log line (one JSON text: the secrets' characters need no escaping). */
export function redactor(secrets: (string | undefined)[]): (line: string) => string {
  // too short a value would redact ordinary words; the config demands long ones anyway
  const all = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 8).flatMap(forms))].filter((s) => s.length >= 6);
  // longest first, so that a token goes whole before its half is looked for
  all.sort((a, b) => b.length - a.length);
  return (line) => {
    let out = line;
    for (const s of all) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  };
}

/**
 * JSON logs to stdout (what log collectors want); `npm run dev` pipes them through pino-pretty. The
 * secrets are redacted from each line as it is written: a second net behind the Bot API transport,
 * which already keeps the token out of the errors it builds (src/bot/api/redact.ts).
 */
export function createLogger(level: string = "info", { secrets = [], destination }: LoggerOptions = {}): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, hooks: { streamWrite: redactor(secrets) } };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that drops everything: tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
