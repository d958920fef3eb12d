import { pino, type Logger as PinoLogger } from "pino";

export type Logger = PinoLogger;

/** JSON logs to stdout (what log collectors want); `npm run dev` pipes them through pino-pretty. */
export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}

/** A logger that drops everything: tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
