// Access rules, visible on a feature's first lines:
//
//   const composer = new Composer<BotContext>();
//   const members = only(composer, registered);     // handlers see ctx.user (non-null)
//   const methodists = only(composer, methodistOnly);
//   methodists.command("queue", (ctx) => ... ctx.user.id ...);
//
// A lane is grammY's `composer.filter(predicate)` with a type predicate, plus what a plain filter does
// not do: someone the rule does not admit, whose update one of the lane's handlers would have answered
// (its command, its button, its menu text), is told why in words, as before; other updates pass on.
import { Composer, type Middleware } from "grammy";
import { isMethodistRole, type User } from "../../domain/users.js";
import type { BotContext, RegisteredContext } from "../context.js";

/** An access rule: who it admits (a type predicate) and the words for whom it does not. */
export interface Rule<D extends BotContext> {
  admits: (ctx: BotContext) => ctx is D;
  /** the locale key of the refusal for this person */
  refusal: (ctx: BotContext) => string;
}

type Registered<C extends BotContext> = C & { user: User };
/** Type predicates (a handler's `ctx` keeps its own narrowing: a command's, a callback query's) */
export const isRegistered = <C extends BotContext>(ctx: C): ctx is Registered<C> => !!ctx.user?.registeredAt;
/** Methodists and admins (the role is the registered user's) */
export const isMethodist = <C extends BotContext>(ctx: C): ctx is Registered<C> => isRegistered(ctx) && isMethodistRole(ctx.user.role);
export const isAdmin = <C extends BotContext>(ctx: C): ctx is Registered<C> => isRegistered(ctx) && ctx.user.role === "admin";

/** Only registered users; others are pointed to /start. */
export const registered: Rule<RegisteredContext> = { admits: isRegistered, refusal: () => "need-registration" };
/** Methodists and admins only; a teacher gets a localized refusal. */
export const methodistOnly: Rule<RegisteredContext> = {
  admits: isMethodist,
  refusal: (ctx) => (isRegistered(ctx) ? "forbidden-methodist" : "need-registration"),
};
/** Admins only (ADMIN_TELEGRAM_IDS). */
export const adminOnly: Rule<RegisteredContext> = {
  admits: isAdmin,
  refusal: (ctx) => (isRegistered(ctx) ? "forbidden-admin" : "need-registration"),
};

async function say(ctx: BotContext, key: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
  else await ctx.reply(ctx.t(key));
}

/** The rule as a middleware (the step before a lane's handler): on for whom it admits, the refusal for others. */
export function guard<D extends BotContext>(rule: Rule<D>): Middleware<BotContext> {
  return (ctx, next) => (rule.admits(ctx) ? next() : say(ctx, rule.refusal(ctx)));
}

/**
 * The handlers registered on the lane (command, callbackQuery, hears, on, filter) are installed on
 * `parent` in the order they are written, each behind its trigger and then the rule. Its own predicates
 * (a trigger, `ctx.hasText(...)`) run before the rule: they name what the update is, not who sent it.
 */
class Lane<D extends BotContext> extends Composer<D> {
  readonly #parent: Composer<BotContext>;
  readonly #guard: Middleware<BotContext>;
  constructor(parent: Composer<BotContext>, rule: Rule<D>) {
    super();
    this.#parent = parent;
    this.#guard = guard(rule);
  }
  override filter(predicate: (ctx: D) => unknown, ...middleware: Middleware<D>[]): Composer<D> {
    const p = predicate as unknown as (ctx: BotContext) => boolean | Promise<boolean>;
    return this.#parent.filter(p, this.#guard, ...(middleware as unknown as Middleware<BotContext>[])) as unknown as Composer<D>;
  }
  override use(): Composer<D> {
    // middleware for every update would run without the rule: a lane takes handlers behind a trigger only
    throw new Error("an access lane takes handlers behind a trigger (command, callbackQuery, hears, filter), not use()");
  }
}

/** A lane of `composer` whose handlers only the rule's people reach, typed for them (see the top of this file). */
export function only<D extends BotContext>(composer: Composer<BotContext>, rule: Rule<D>): Composer<D> {
  return new Lane(composer, rule);
}

/**
 * A context known to have a registered user: the outer context inside a conversation entered from a
 * lane (a conversation's outer context is not narrowed), or right after registration. An internal error
 * (the error boundary's apology and log) if not, never a silent `undefined`.
 */
export function asRegistered(ctx: BotContext): RegisteredContext {
  if (!isRegistered(ctx)) throw new Error("internal: a registered user was expected here (a step reached only from a members' handler)");
  return ctx;
}
