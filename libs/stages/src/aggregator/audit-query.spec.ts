import { BadRequestException } from '@nestjs/common';
import { auditRangeOf } from './audit-query';

const refused = (query: Record<string, unknown>): string => {
  try {
    auditRangeOf(query);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).message;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
};

describe('the audit query', () => {
  it('reads the times as `new Date()` does, an empty one as none', () => {
    expect(auditRangeOf({ from: '2024-03-01T00:00:00Z', to: '2024-03-02' })).toEqual({ from: new Date('2024-03-01T00:00:00Z'), to: new Date('2024-03-02') });
    expect(auditRangeOf({ from: '1 Jan 2024', to: '' })).toEqual({ from: new Date('2024-01-01T00:00:00'), to: undefined });
    expect(auditRangeOf({})).toEqual({ from: undefined, to: undefined });
  });

  it('answers 400 naming the first bad time: unreadable, or given more than once', () => {
    expect(refused({ from: 'yesterday' })).toBe('from must be an ISO 8601 time');
    expect(refused({ to: 'x' })).toBe('to must be an ISO 8601 time');
    expect(refused({ from: ['2024-01-01', '2024-01-02'] })).toBe('from must be an ISO 8601 time');
    expect(refused({ from: 'x', to: 'y' })).toBe('from must be an ISO 8601 time');
  });
});
