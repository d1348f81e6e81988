import { BadRequestException } from '@nestjs/common';
import { idOf, storyFilterOf } from './story-query';

const refused = (query: Record<string, unknown>): string => {
  try {
    storyFilterOf(query);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).message;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
};

describe('the stories query', () => {
  it('turns a good query into the store filter, with defaults', () => {
    expect(storyFilterOf({ country: 'KAZ', entity: 'org:csto', eventType: 'mobilize', from: '2022-01-01', to: '2022-01-31', q: 'قوات حفظ السلام', limit: '5' })).toEqual({
      country: 'KAZ',
      entity: 'org:csto',
      eventType: 'MOBILIZE',
      from: '2022-01-01',
      to: '2022-01-31',
      text: 'قوات حفظ السلام',
      limit: 5,
      offset: 0,
    });
    expect(storyFilterOf({ q: '' })).toEqual({ limit: 20, offset: 0 });
  });

  it('answers 400 naming the field for impossible dates, control characters and repeated parameters', () => {
    expect(refused({ from: '2022-13-45' })).toMatch(/from must be a calendar date/);
    expect(refused({ to: '2022-02-30' })).toMatch(/to must be a calendar date/);
    expect(refused({ from: 'yesterday' })).toMatch(/from must be a date YYYY-MM-DD/);
    for (const field of ['q', 'entity', 'eventType']) expect(refused({ [field]: 'a\u0000b' })).toMatch(new RegExp(`${field} must be plain text`));
    expect(refused({ q: ['a', 'b'] })).toMatch(/q must be a string/);
    expect(refused({ eventType: ['PROTEST', 'ASSAULT'] })).toMatch(/eventType must be a string/);
    expect(refused({ country: 'kazakhstan' })).toMatch(/alpha-3/);
    expect(refused({ limit: '0' })).toMatch(/limit must be a whole number from 1 to 200/);
    expect(refused({ limit: '-1' })).toMatch(/limit must be a whole number/);
  });

  it('refuses path ids with control characters', () => {
    expect(idOf('story id', 'story-abc')).toBe('story-abc');
    expect(() => idOf('story id', 'story\u0000')).toThrow(BadRequestException);
  });
});
