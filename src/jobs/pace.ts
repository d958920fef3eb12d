// A global pace for outgoing messages: at most `perSecond`, evenly spaced (no bursts), and a pause that
// every sender of this process honours (Telegram's 429 retry_after).
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Pace {
  private next = 0;
  private pausedUntil = 0;
  private readonly interval: number;

  constructor(perSecond: number) {
    this.interval = 1000 / perSecond;
  }

  /** Waits for this caller's slot. */
  async take(): Promise<void> {
    const now = performance.now();
    const at = Math.max(now, this.next, this.pausedUntil);
    this.next = at + this.interval;
    if (at > now) await sleep(at - now);
    // a 429 may have paused everyone while this caller slept
    while (performance.now() < this.pausedUntil) await sleep(this.pausedUntil - performance.now());
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
  }

  get paused(): boolean {
    return performance.now() < this.pausedUntil;
  }
}
