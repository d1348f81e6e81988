import { sentValue } from './ingest-error.filter';

describe(sentValue.name, () => {
  it('keeps the text that did not parse, a text body, or the parsed body as JSON', () => {
    expect(sentValue(undefined, Object.assign(new SyntaxError('Unexpected end'), { body: '{"body": ' }))).toBe('{"body": ');
    expect(sentValue('{oops\n')).toBe('{oops\n');
    expect(sentValue({ title: 'no body' })).toBe('{"title":"no body"}');
    expect(sentValue({})).toBeNull();
  });

  it('gives null, not an error, for a body too deep to write back (JSON.parse takes 10,000 levels, JSON.stringify does not)', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`) as unknown;
    expect(sentValue({ body: 'text', title: deep })).toBeNull();
  });
});
