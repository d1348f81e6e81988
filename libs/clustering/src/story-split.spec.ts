import { DAY_MS } from './story-profile';
import { SplitMember, splitMember, splitStory } from './story-split';

const ids = new Map<string, number>();

/** A member naming `words` (equal weights, unit length) on `day`. */
function member(words: string[], day: number): SplitMember {
  return splitMember(words.map((w) => [w, 1] as const), day * DAY_MS, ids);
}

// Few words per member here, so closeness runs higher than in real articles (where 0.04 parts events): the cut is scaled to match.
const OPTIONS = { tauDays: 2, cut: 0.2, minGroup: 3 };

describe(splitStory.name, () => {
  // One front, two events: an airport reopened on day 0, a truce on day 3; the front's words run through both.
  const airport = Array.from({ length: 12 }, (_, i) => member(['yemen', 'aden', 'coalition', 'airport', 'plane', `a${i}`], i * 0.05));
  const truce = Array.from({ length: 10 }, (_, i) => member(['yemen', 'aden', 'coalition', 'truce', 'humanitarian', `t${i}`], 3 + i * 0.05));

  it('parts two events of one front days apart, the first member\'s group first', () => {
    const groups = splitStory([...airport, ...truce], OPTIONS);
    expect(groups).toEqual([Array.from({ length: 12 }, (_, i) => i), Array.from({ length: 10 }, (_, i) => 12 + i)]);
  });

  it('keeps one event whole across its days of follow-up', () => {
    const event = Array.from({ length: 24 }, (_, i) => member(['suruc', 'bombing', 'victims', 'funeral', `w${i % 5}`], i * 0.2));
    expect(splitStory(event, OPTIONS)).toEqual([Array.from({ length: 24 }, (_, i) => i)]);
  });

  it('without time apart the same words do not part them: the front holds them together', () => {
    const sameDay = [...airport, ...truce.map((m) => ({ ...m, time: 0 }))];
    expect(splitStory(sameDay, OPTIONS)).toHaveLength(1);
  });

  it('gives a group too small to stand alone to the group it is closest to', () => {
    const stray = [member(['truce', 'humanitarian', 'x'], 3), member(['truce', 'humanitarian', 'y'], 3)];
    const groups = splitStory([...airport, ...truce, ...stray], { ...OPTIONS, minGroup: 3 });
    expect(groups).toHaveLength(2);
    expect(groups[1]).toEqual(expect.arrayContaining([22, 23]));
  });
});
