import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from './schema.js';
import { canMove, ORDER_TRANSITIONS } from './states.js';

describe('order lifecycle', () => {
  it.each([
    ['pending_payment', 'paid', true],
    ['pending_payment', 'cancelled', true],
    ['pending_payment', 'refunded', false],
    ['paid', 'cancelled', true],
    ['paid', 'pending_payment', false],
    ['cancelled', 'paid', false],
    ['refunded', 'paid', false],
    ['delivered', 'completed', true],
    ['completed', 'refunded', false],
  ] as const)('%s → %s is %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it('lets every status before completed be refunded except an unpaid one, and ends in terminal states', () => {
    for (const s of ORDER_STATUSES) {
      if (['completed', 'cancelled', 'refunded', 'pending_payment'].includes(s)) expect(canMove(s, 'refunded')).toBe(false);
      else expect(canMove(s, 'refunded')).toBe(true);
    }
    expect(ORDER_TRANSITIONS.cancelled).toEqual([]);
  });
});
