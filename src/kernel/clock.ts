/** Time as a dependency, so that tests can fake it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FakeClock implements Clock {
  #now_ms: number;
  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    this.#now_ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now_ms);
  }
  advance(ms: number): void {
    this.#now_ms += ms;
  }
  set(to: Date | string): void {
    this.#now_ms = new Date(to).getTime();
  }
}
