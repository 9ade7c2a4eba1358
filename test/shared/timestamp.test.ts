import { describe, expect, it } from 'vitest';
import { nowStamp } from '../../shared/timestamp';

describe('nowStamp: the one clock of sidecar times', () => {
  it('writes UTC to the second, as the format example does', () => {
    expect(nowStamp(new Date(Date.UTC(2026, 10, 28, 10, 0, 0, 789)))).toBe('2026-11-28T10:00:00Z');
    expect(nowStamp()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});
