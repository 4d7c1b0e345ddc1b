import { describe, expect, it } from 'vitest';
import { compileProfile, decide } from '../../lib/core/shield';
import { Decision } from '../../lib/schema/decision';
import { fakeClickbaitStage, item, profile } from './shield-helpers';

const noDetectors = { policyStage: null };

describe('blocked authors', () => {
  const compiled = compileProfile(
    profile({ blockedAuthors: [{ platform: 'youtube', name: '@MrBeast' }, { platform: 'reddit', name: 'u/Spammer' }] }),
    noDetectors,
  );

  it('hides the channel whatever its case, "@" or spacing', () => {
    for (const author of ['MrBeast', '@mrbeast', '  MRBEAST ', 'Mr Beast']) {
      const d = decide(compiled, item({ author, title: 'A normal video' }));
      expect(d.action, author).toBe('hide');
      expect(d.reasons[0].code).toBe('blocked-author');
    }
  });

  it('only on the platform it was blocked on', () => {
    expect(decide(compiled, item({ platform: 'x', author: 'MrBeast' })).action).toBe('show');
    expect(decide(compiled, item({ platform: 'reddit', author: 'spammer' })).action).toBe('hide');
  });

  it("reads Reddit's u/ prefix however the name is written", () => {
    for (const author of ['u/Spammer', '/u/SPAMMER', 'u/spammer', ' u/Spammer']) {
      expect(decide(compiled, item({ platform: 'reddit', author })).action, author).toBe('hide');
    }
    expect(decide(compiled, item({ platform: 'reddit', author: 'u/Spammer2' })).action).toBe('show');
  });

  it('lets other authors through', () => {
    expect(decide(compiled, item({ author: 'Veritasium' })).action).toBe('show');
  });
});

describe('avoid-topics', () => {
  const compiled = compileProfile(
    profile({ avoidTopics: [{ id: 'politics', label: 'Politics', keywords: ['election', 'senate race', 'Trump'] }] }),
    noDetectors,
  );

  it('hides an item that names the topic or one of its keywords, saying which', () => {
    const d = decide(compiled, item({ title: 'What the Elections mean for you' }));
    expect(d.action).toBe('hide');
    expect(d.reasons[0]).toMatchObject({ code: 'avoid-topic', detail: 'Politics' });
    expect(d.reasons[0].evidence).toContain('elections');
  });

  it('matches phrases word by word, not inside other words', () => {
    expect(decide(compiled, item({ title: 'The SENATE race heats up' })).action).toBe('hide');
    expect(decide(compiled, item({ title: 'Trumpet lessons for beginners' })).action).toBe('show');
    expect(decide(compiled, item({ title: 'Senate hearing on the race to the moon' })).action).toBe('show');
  });

  it('sees through zero-width characters slipped into a word', () => {
    expect(decide(compiled, item({ title: 'Tr\u200bump rally tonight' })).action).toBe('hide');
  });
});

describe('keyword and regex rules', () => {
  const compiled = compileProfile(
    profile({
      rules: [
        { id: 'spoilers', kind: 'keyword', pattern: 'spoiler', action: 'hide' },
        { id: 'crypto', kind: 'regex', pattern: '\\bcrypto(currency|currencies)?\\b', action: 'demote' },
        { id: 'reaction', kind: 'keyword', pattern: 'reacts to', action: 'label' },
        { id: 'tutorial', kind: 'keyword', pattern: 'tutorial', action: 'boost' },
        { id: 'caps', kind: 'regex', pattern: '^[A-Z !]{12,}$', action: 'label', platforms: ['reddit'] },
        { id: 'cpp', kind: 'keyword', pattern: 'C++', action: 'hide', platforms: ['hackernews'] },
        { id: 'off', kind: 'keyword', pattern: 'cats', action: 'hide', enabled: false },
      ],
    }),
    noDetectors,
  );

  it('applies each rule its own action and names the rule', () => {
    const hidden = decide(compiled, item({ title: 'Season finale SPOILERS inside' }));
    expect(hidden.action).toBe('hide');
    expect(hidden.reasons[0]).toMatchObject({ code: 'keyword-rule', detail: 'spoiler', source: 'rule' });

    const demoted = decide(compiled, item({ title: 'Why cryptocurrency is the future' }));
    expect(demoted.action).toBe('demote');
    expect(demoted.reasons[0]).toMatchObject({ code: 'regex-rule', evidence: ['cryptocurrency'] });
    expect(demoted.score).toBeLessThan(0.5);

    expect(decide(compiled, item({ title: 'Streamer reacts to the trailer' })).action).toBe('label');
    const boosted = decide(compiled, item({ title: 'Rust tutorial, part 3' }));
    expect(boosted.action).toBe('boost');
    expect(boosted.score).toBeGreaterThan(0.5);
  });

  it('keeps the most severe action when several rules match', () => {
    const d = decide(compiled, item({ title: 'Crypto streamer reacts to spoiler' }));
    expect(d.action).toBe('hide');
    expect(d.reasons.map((r) => r.code)).toEqual(['keyword-rule', 'regex-rule', 'keyword-rule']);
  });

  it('limits rules to their platforms and skips disabled ones', () => {
    expect(decide(compiled, item({ platform: 'reddit', title: 'THIS IS OUTRAGEOUS!!' })).action).toBe('label');
    expect(decide(compiled, item({ platform: 'youtube', title: 'THIS IS OUTRAGEOUS!!' })).action).toBe('show');
    expect(decide(compiled, item({ platform: 'hackernews', title: 'Modern C++ in 2026' })).action).toBe('hide');
    expect(decide(compiled, item({ platform: 'hackernews', title: 'Why Zig beats C' })).action).toBe('show');
    expect(decide(compiled, item({ title: 'Funny cats compilation' })).action).toBe('show');
  });

  it('matches the item text and the author, not only the title', () => {
    expect(decide(compiled, item({ title: 'Episode 4', text: 'Contains spoilers for episode 3' })).action).toBe('hide');
  });
});

describe('interests', () => {
  const compiled = compileProfile(
    profile({
      interests: [
        { id: 'rust', label: 'Rust', weight: 0.9, keywords: ['cargo', 'borrow checker'] },
        { id: 'bread', label: 'Baking', weight: 0.5, keywords: ['sourdough', 'bread'] },
      ],
    }),
    noDetectors,
  );

  it('boosts a matching item and scores it above neutral, more for more matches', () => {
    const one = decide(compiled, item({ title: 'Understanding the borrow checker' }));
    const two = decide(compiled, item({ title: 'Rust: the borrow checker explained' }));
    const none = decide(compiled, item({ title: 'Top 10 holiday destinations' }));
    expect(one.action).toBe('boost');
    expect(one.reasons[0]).toMatchObject({ code: 'interest', detail: 'Rust' });
    expect(two.score).toBeGreaterThan(one.score);
    expect(one.score).toBeGreaterThan(0.5);
    expect(none).toMatchObject({ action: 'show', score: 0.5, reasons: [] });
  });

  it('folds plurals and weighs interests', () => {
    const loaves = decide(compiled, item({ title: 'Three sourdough breads side by side' }));
    expect(loaves.reasons[0].detail).toBe('Baking');
    expect(decide(compiled, item({ title: 'Cargo workspaces' })).score).toBeGreaterThan(
      decide(compiled, item({ title: 'A sourdough starter' })).score,
    );
  });

  it('a label or demote outranks the boost but the score still reflects the interest', () => {
    const withRule = compileProfile(
      profile({
        interests: [{ id: 'rust', label: 'Rust', weight: 0.9, keywords: [] }],
        rules: [{ id: 'drama', kind: 'keyword', pattern: 'drama', action: 'label' }],
      }),
      noDetectors,
    );
    const d = decide(withRule, item({ title: 'Rust community drama' }));
    expect(d.action).toBe('label');
    expect(d.score).toBeGreaterThan(0.5);
    expect(d.reasons.map((r) => r.code)).toEqual(['keyword-rule', 'interest']);
  });
});

describe('promoted items and Shorts', () => {
  it('hides platform-marked promoted items by default, citing the marker', () => {
    const d = decide(compileProfile(profile(), noDetectors), item({ promoted: true, promotedMarkers: ['ytd-ad-slot-renderer'] }));
    expect(d.action).toBe('hide');
    expect(d.reasons[0]).toMatchObject({ code: 'promoted', kind: 'promoted', source: 'platform', evidence: ['ytd-ad-slot-renderer'] });
  });

  it('follows the promoted policy when the user changes it', () => {
    const p = profile();
    p.policies.promoted = { action: 'label', strictness: 0.5 };
    expect(decide(compileProfile(p, noDetectors), item({ promoted: true })).action).toBe('label');
    p.policies.promoted = { action: 'off', strictness: 0.5 };
    expect(decide(compileProfile(p, noDetectors), item({ promoted: true })).action).toBe('show');
  });

  it('leaves Shorts alone by default and applies the shorts policy when set', () => {
    expect(decide(compileProfile(profile(), noDetectors), item({ kind: 'short' })).action).toBe('show');
    const p = profile();
    p.policies.shorts = { action: 'hide', strictness: 0.5 };
    const d = decide(compileProfile(p, noDetectors), item({ kind: 'short' }));
    expect(d.action).toBe('hide');
    expect(d.reasons[0].code).toBe('shorts');
    expect(decide(compileProfile(p, noDetectors), item({ kind: 'video' })).action).toBe('show');
  });
});

describe('detector policies', () => {
  const compiled = compileProfile(
    profile({ interests: [{ id: 'space', label: 'Space', weight: 0.9, keywords: ['nasa'] }] }),
    { policyStage: fakeClickbaitStage },
  );

  it('takes the detectors verdict and outranks an interest boost', () => {
    const d = decide(compiled, item({ title: "You Won't Believe What NASA Found" }));
    expect(d.action).toBe('label');
    expect(d.reasons[0]).toMatchObject({ code: 'clickbait', kind: 'clickbait' });
  });

  it('keeps the rule decision when a detector throws', () => {
    const broken = compileProfile(profile({ rules: [{ id: 'x', kind: 'keyword', pattern: 'nasa', action: 'demote' }] }), {
      policyStage: () => {
        throw new Error('boom');
      },
    });
    expect(decide(broken, item({ title: 'NASA news' })).action).toBe('demote');
  });
});

describe('switches', () => {
  const p = profile({
    blockedAuthors: [{ platform: 'youtube', name: 'Spam' }],
    rules: [{ id: 'all', kind: 'keyword', pattern: 'video', action: 'hide' }],
  });

  it('shows everything while paused', () => {
    const d = decide(compileProfile({ ...p, paused: true }, noDetectors), item({ author: 'Spam', title: 'video', promoted: true }));
    expect(d).toMatchObject({ action: 'show', reasons: [] });
  });

  it('shows everything on a site the user switched off, and still acts on the others', () => {
    const compiled = compileProfile({ ...p, sites: { ...p.sites, youtube: false } }, noDetectors);
    expect(decide(compiled, item({ author: 'Spam', title: 'video' })).action).toBe('show');
    expect(decide(compiled, item({ platform: 'reddit', title: 'video' })).action).toBe('hide');
  });
});

describe('user exceptions', () => {
  const base = {
    blockedAuthors: [{ platform: 'youtube' as const, name: 'Kurzgesagt' }],
    avoidTopics: [{ id: 'war', label: 'War', keywords: [] }],
    rules: [{ id: 'spoil', kind: 'keyword' as const, pattern: 'spoiler', action: 'hide' as const }],
  };

  it('"show anyway for this author" overrides a block, a topic, a rule and the detectors', () => {
    const compiled = compileProfile(
      profile({ ...base, exceptions: [{ id: 'e1', type: 'author', platform: 'youtube', author: '@kurzgesagt', createdAt: 1 }] }),
      { policyStage: fakeClickbaitStage },
    );
    const d = decide(compiled, item({ author: 'Kurzgesagt', title: "You Won't Believe this War spoiler" }));
    expect(d.action).toBe('show');
    expect(d.reasons[0]).toMatchObject({ code: 'user-exception', source: 'user' });
    expect(decide(compiled, item({ author: 'Other', title: 'War spoiler' })).action).toBe('hide');
  });

  it('a rule exception switches that rule off, by code and name or by id', () => {
    for (const ruleCode of ['keyword-rule:spoiler', 'keyword-rule:spoil']) {
      const compiled = compileProfile(
        profile({ ...base, exceptions: [{ id: 'e2', type: 'rule', platform: 'youtube', ruleCode, createdAt: 1 }] }),
        noDetectors,
      );
      expect(decide(compiled, item({ title: 'Spoiler talk' })).action, ruleCode).toBe('show');
      expect(decide(compiled, item({ title: 'War spoiler' })).action).toBe('hide');
    }
  });

  it('an author exception for one kind only excuses that kind', () => {
    const compiled = compileProfile(
      profile({ ...base, exceptions: [{ id: 'e3', type: 'author', platform: 'youtube', author: 'Vsauce', kind: 'clickbait', createdAt: 1 }] }),
      { policyStage: fakeClickbaitStage },
    );
    expect(decide(compiled, item({ author: 'vsauce', title: "You Won't Believe It" })).action).toBe('show');
    expect(decide(compiled, item({ author: 'vsauce', title: "You Won't Believe this spoiler" })).action).toBe('hide');
    expect(decide(compiled, item({ author: 'other', title: "You Won't Believe It" })).action).toBe('label');
  });
});

describe('output', () => {
  it('always fits the Decision schema', () => {
    const compiled = compileProfile(
      profile({ avoidTopics: [{ id: 't', label: 'Topic', keywords: Array.from({ length: 30 }, (_, i) => `word${i}`) }] }),
      noDetectors,
    );
    const title = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const d = decide(compiled, item({ title, id: 'x'.repeat(200) }));
    expect(d.action).toBe('hide');
    expect(() => Decision.parse(d)).not.toThrow();
  });
});
