// A global pace for outgoing messages: `perSecond`, evenly spaced. (Pauses, a 429's retry_after or an
// outage's back-off, are the sender's: it holds no claim through them.)
//
// Slots are `1/perSecond` apart. A caller that comes late (the sender was busy claiming the next batch)
// may use the slots it missed during the last CATCH_UP_MS, no older ones: without that the time spent
// between batches would be lost for good and the sender would never reach its rate; with it any
// one-second window holds at most perSecond × (1 + CATCH_UP_MS/1000) + 1 messages (25/s → ≤ 28).
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const CATCH_UP_MS = 100;

export class Pace {
  private next = 0;
  private readonly interval: number;

  constructor(perSecond: number) {
    this.interval = 1000 / perSecond;
  }

  /** Waits for this caller's slot. */
  async take(): Promise<void> {
    const now = performance.now();
    const at = Math.max(now - CATCH_UP_MS, this.next);
    this.next = at + this.interval;
    if (at > now + 1) await sleep(at - now);
  }
}
