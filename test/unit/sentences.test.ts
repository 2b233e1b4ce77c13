import { describe, expect, it } from 'vitest';
import { keepSentences, sentenceAround, sentenceFinder } from '../../entrypoints/content/sentences';

function around(text: string, word: string): string {
  const start = text.indexOf(word);
  return sentenceAround(text, start, start + word.length);
}

describe('sentenceAround', () => {
  it.each([
    ['first of two', 'Anhui grows. Jiangsu builds.', 'Anhui', 'Anhui grows.'],
    ['second of two', 'Anhui grows. Jiangsu builds.', 'Jiangsu', 'Jiangsu builds.'],
    ['decimal point is no end', 'Growth in Hunan was 5.3 percent. Next.', 'Hunan', 'Growth in Hunan was 5.3 percent.'],
    ['question mark', 'Will Hubei grow? It will.', 'Hubei', 'Will Hubei grow?'],
    ['Chinese full stop', '浙江发展数字经济。江西发展稀土。', '江西', '江西发展稀土。'],
    ['no end mark', 'Yunnan and the gateway', 'Yunnan', 'Yunnan and the gateway'],
    ['whitespace folded', 'Zhejiang\n   plans   more.', 'Zhejiang', 'Zhejiang plans more.'],
  ])('%s', (_name, text, word, expected) => {
    expect(around(text, word)).toBe(expected);
  });

  it('keeps a long sentence short and the mention in view', () => {
    const text = `${'word '.repeat(200)}Guangxi ${'word '.repeat(200)}.`;
    const sentence = around(text, 'Guangxi');
    expect(sentence.length).toBeLessThanOrEqual(330);
    expect(sentence).toContain('Guangxi');
    expect(sentence.startsWith('…')).toBe(true);
  });
});

/** The sentence rule written the plain way (a scan per mention), to compare against. */
function naiveSentence(text: string, start: number, end: number): string {
  const ends = /[.!?](?=\s)|[。！？；]/g;
  let from = 0;
  let to = text.length;
  for (let m = ends.exec(text); m !== null; m = ends.exec(text)) {
    const stop = m.index + m[0].length;
    if (stop <= start) from = stop;
    else if (m.index >= end - 1) {
      to = stop;
      break;
    }
  }
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

describe('sentenceFinder', () => {
  it('finds the same sentences as a scan per mention, for every word of a mixed text', () => {
    const text =
      'Anhui grows. Growth in Hunan was 5.3 percent!  Will Hubei grow? It will.\n浙江发展数字经济。江西发展稀土；Yunnan and the gateway';
    const find = sentenceFinder(text);
    for (const m of text.matchAll(/[A-Za-z]+|[\u4e00-\u9fff]{2}/g)) {
      expect(find(m.index, m.index + m[0].length), m[0]).toBe(naiveSentence(text, m.index, m.index + m[0].length));
    }
  });

  it('reads a block once plus a bounded window per mention: 1 MB without punctuation, 1,000 mentions', () => {
    const filler = 'the plan lists ports roads and grids ';
    const parts: string[] = [];
    const mentions: number[] = [];
    let length = 0;
    while (length < 1_000_000) {
      if (mentions.length < 1_000 && parts.length % 25 === 0) {
        mentions.push(length);
        parts.push('Guangxi ');
        length += 8;
      }
      parts.push(filler);
      length += filler.length;
    }
    const text = parts.join('');
    const stats = { scanned: 0 };
    const find = sentenceFinder(text, stats);
    for (const start of mentions) {
      const sentence = find(start, start + 7);
      expect(sentence).toContain('Guangxi');
      expect(sentence.length).toBeLessThanOrEqual(330);
    }
    expect(mentions).toHaveLength(1_000);
    // One pass over the text, then at most a window of about three sentence lengths each.
    expect(stats.scanned).toBeLessThanOrEqual(text.length + mentions.length * (2 * 320 + 7));
  });
});

describe('keepSentences', () => {
  const m = (kind: string, id: string, sentence: string, region?: string) => ({ kind, id, sentence, ...(region ? { region } : {}) });

  it('keeps a region\'s first distinct sentences, blanks repeats, sectors and the rest, and counts what it left out', () => {
    const mentions = [
      m('region', 'anhui', 'A1.', 'anhui'),
      m('sector', 'ai', 'A1.', undefined),
      m('city', 'hefei', 'A1.', 'anhui'),
      m('city', 'hefei', 'A2.', 'anhui'),
      m('region', 'anhui', 'A3.', 'anhui'),
      m('region', 'anhui', 'A4.', 'anhui'),
      m('region', 'anhui', 'A4.', 'anhui'),
      m('region', 'jiangsu', 'J1.', 'jiangsu'),
      m('region', 'jiangsu', '', 'jiangsu'),
    ];
    const { mentions: out, leftOut } = keepSentences(mentions, 2);
    expect(out.map((x) => x.sentence)).toEqual(['A1.', '', '', 'A2.', '', '', '', 'J1.', '']);
    expect(leftOut).toEqual({ anhui: 2 });
    // Every mention stays, in order, with its other fields; the input is not modified.
    expect(out.map((x) => `${x.kind}:${x.id}`)).toEqual(mentions.map((x) => `${x.kind}:${x.id}`));
    expect(mentions[1]?.sentence).toBe('A1.');
  });

  it('keeps the popup\'s answer small on a page naming regions a thousand times', () => {
    const mentions = Array.from({ length: 1_000 }, (_, i) => m('region', `r${i % 33}`, `Sentence ${i} ${'x'.repeat(300)}`, `r${i % 33}`));
    const { mentions: out, leftOut } = keepSentences(mentions);
    const carried = out.filter((x) => x.sentence !== '').length;
    expect(carried).toBe(33 * 12);
    expect(Object.values(leftOut).reduce((a, b) => a + b, 0)).toBe(1_000 - 33 * 12);
  });
});
