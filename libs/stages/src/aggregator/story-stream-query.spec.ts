import { BadRequestException } from '@nestjs/common';
import { streamFilterOf } from './story-stream-query';

const refused = (query: Record<string, unknown>): string => {
  try {
    streamFilterOf(query);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).message;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
};

describe('the story stream query', () => {
  it('takes any text as a filter, an empty one as none', () => {
    expect(streamFilterOf({ country: 'kazakhstan', entity: 'org:csto' })).toEqual({ country: 'kazakhstan', entity: 'org:csto' });
    expect(streamFilterOf({ country: '', entity: undefined })).toEqual({ country: undefined, entity: undefined });
  });

  it('answers 400 naming the first parameter given more than once', () => {
    expect(refused({ country: ['KAZ', 'RUS'] })).toBe('country must be given once');
    expect(refused({ entity: ['a', 'b'] })).toBe('entity must be given once');
    expect(refused({ country: ['KAZ', 'RUS'], entity: ['a', 'b'] })).toBe('country must be given once');
  });
});
