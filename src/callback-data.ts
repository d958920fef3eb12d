// The data behind the bot's buttons: `callback-data`'s codecs (`prefix:value:value`), made strict. A press
// may carry anything: a button of an older version, a forged or truncated payload. Decoding refuses
// whatever this version would not have packed, in one place for every button:
// - `filter()` matches only well-formed data: the prefix, exactly the schema's number of values, each of
//   its type (Number: a whole number ≥ 0, an id, a page or a count; SignedNumber: one that may be
//   negative; Boolean: 0 or 1), so a malformed press reaches no handler and is answered like any button
//   nobody handles ("this button is out of date");
// - `unpack()` also checks that each number fits the database's INTEGER, and throws ButtonDataError
//   otherwise: the error boundary answers it the same way, logged as a warning.
// Import codecs from here, never from "callback-data" itself (a test checks).
import { createCallbackData as createLooseCallbackData } from "callback-data";

/** In a schema: a whole number that may be negative (−1 for "all", a 👎 vote). */
export const SignedNumber = { kind: "signed number" } as const;

type DataType = NumberConstructor | StringConstructor | BooleanConstructor | typeof SignedNumber;
type Schema = Record<string, DataType>;
type ValueOf<T> = T extends NumberConstructor | typeof SignedNumber
  ? number
  : T extends StringConstructor
    ? string
    : T extends BooleanConstructor
      ? boolean
      : never;
export type CallbackData<T extends Schema> = { [K in keyof T]: ValueOf<T[K]> };

export interface CallbackDataCodec<T extends Schema> {
  pack(data: CallbackData<T>): string;
  /** the values of well-formed data of this codec; ButtonDataError for anything else */
  unpack(packed: string): CallbackData<T>;
  /** matches well-formed data of this codec, with the given values if any */
  filter(clause?: Partial<CallbackData<T>>): RegExp;
}

/** Button data this version would not have packed: answered like a stale button. */
export class ButtonDataError extends Error {
  override name = "ButtonDataError";
}

export function isButtonDataError(e: unknown): e is ButtonDataError {
  return e instanceof ButtonDataError;
}

const DELIMITER = ":";
/** the range of the databases' INTEGER: every id, page and count the bot packs */
const INT_MAX = 2 ** 31 - 1;
const PATTERN = new Map<DataType, string>([
  [Number, "\\d{1,10}"],
  [SignedNumber, "-?\\d{1,10}"],
  [Boolean, "[01]"],
  [String, "[^:]*"],
]);
const WHOLE = new Map([...PATTERN].map(([type, pattern]) => [type, new RegExp(`^${pattern}$`)]));
const typeName = (type: DataType) => ("kind" in type ? type.kind : type.name);

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function decode(value: string, type: DataType): number | boolean | string | undefined {
  if (type === Boolean) return value === "1" ? true : value === "0" ? false : undefined;
  if (type === Number || type === SignedNumber) {
    if (!WHOLE.get(type)!.test(value)) return undefined;
    const n = Number(value);
    return Math.abs(n) <= INT_MAX ? n : undefined;
  }
  return value.includes(DELIMITER) ? undefined : value;
}

/**
 * `formerly`: the prefix this codec had in an earlier release. Buttons already in people's chats (a seat
 * offered yesterday) still work: they are decoded and matched as well, while new ones are packed with
 * the new prefix.
 */
export function createCallbackData<T extends Schema>(prefix: string, schema: T, opts: { formerly?: string } = {}): CallbackDataCodec<T> {
  // packing is callback-data's (it checks the delimiter and the 64 bytes); a signed number packs as a number
  const packing = Object.fromEntries(Object.entries(schema).map(([k, t]) => [k, t === SignedNumber ? Number : (t as Exclude<DataType, typeof SignedNumber>)]));
  const loose = createLooseCallbackData(prefix, packing);
  // callback-data orders the values by field name
  const fields = Object.keys(schema).sort();
  return {
    pack(data) {
      const packed = loose.pack(data as never);
      // a button whose press would not decode is a bug: loud here, not a stale button later
      try {
        this.unpack(packed);
      } catch (e) {
        throw new Error(`cannot pack ${JSON.stringify(data)} as ${prefix}: ${(e as Error).message}`);
      }
      return packed;
    },
    unpack(packed) {
      const [head, ...values] = packed.split(DELIMITER);
      if ((head !== prefix && (opts.formerly === undefined || head !== opts.formerly)) || values.length !== fields.length)
        throw new ButtonDataError(`button data "${packed.slice(0, 64)}" is not ${prefix}`);
      const out: Record<string, unknown> = {};
      fields.forEach((field, i) => {
        const value = decode(values[i]!, schema[field]!);
        if (value === undefined) throw new ButtonDataError(`button data "${packed.slice(0, 64)}": ${field} is not a valid ${typeName(schema[field]!)}`);
        out[field] = value;
      });
      return out as CallbackData<T>;
    },
    filter(clause = {}) {
      const parts = fields.map((field) => {
        const given = (clause as Record<string, unknown>)[field];
        if (given === undefined) return PATTERN.get(schema[field]!)!;
        return literal(typeof given === "boolean" ? (given ? "1" : "0") : String(given));
      });
      const head = opts.formerly === undefined ? literal(prefix) : `(?:${literal(prefix)}|${literal(opts.formerly)})`;
      return new RegExp(`^${[head, ...parts].join(DELIMITER)}$`);
    },
  };
}
