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

/** The calendar day (YYYY-MM-DD) at a fixed UTC offset: Bangkok is +7, China +8 (neither keeps summer time). */
export function localDate(now: Date, utc_offset_hours: number): string {
  return new Date(now.getTime() + utc_offset_hours * 3_600_000).toISOString().slice(0, 10);
}
