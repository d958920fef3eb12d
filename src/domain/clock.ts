/** Where the domain gets "now" from: the system in production, a pinned or stepped clock in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: `clock.set(...)`, `clock.advance(ms)`. */
export class ManualClock implements Clock {
  #t: number;
  constructor(start: Date | string = "2026-11-23T09:00:00Z") {
    this.#t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#t);
  }
  set(t: Date | string): void {
    this.#t = new Date(t).getTime();
  }
  advance(ms: number): void {
    this.#t += ms;
  }
}
