import { describe, expect, it } from 'vitest';
import { statusColour } from '../lib/format';

describe('status colours', () => {
  it('do not show an accepted risk as success', () => {
    expect(statusColour('accepted')).not.toBe(statusColour('implemented'));
    expect(statusColour('accepted')).not.toBe('green');
  });

  it('tell major, minor, observation and opportunity apart, in findings and checklist results alike', () => {
    const grades = ['major', 'minor', 'observation', 'opportunity'].map(statusColour);
    expect(new Set(grades).size).toBe(4);
    expect(statusColour('major_nc')).toBe(statusColour('major'));
    expect(statusColour('minor_nc')).toBe(statusColour('minor'));
  });

  it('give done, under way, failed and not started one colour each', () => {
    expect(['compliant', 'implemented', 'done', 'closed', 'effective'].map(statusColour)).toEqual(Array(5).fill('green'));
    expect(['in_progress', 'partial', 'in_review'].map(statusColour)).toEqual(Array(3).fill('yellow'));
    expect(['non_compliant', 'not_effective', 'overdue', 'rejected'].map(statusColour)).toEqual(Array(4).fill('red'));
    expect(['not_started', 'not_applicable', 'cancelled', ''].map(statusColour)).toEqual(Array(4).fill('gray'));
  });
});
