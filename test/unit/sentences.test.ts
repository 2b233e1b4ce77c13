import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../entrypoints/content/sentences';

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
