import { describe, expect, it } from 'vitest';
import { briefingMarkdown, escapeMarkdown, markdownUrl } from '../../components/popup/markdown';
import { summarizePage } from '../../components/popup/summarize';
import { clusterById, regionById as realRegionById, sourceById as realSourceById } from '../../data';
import { articleResults, categories, meta, testData } from './popup-test-data';

describe('briefingMarkdown', () => {
  const markdown = briefingMarkdown({
    title: 'Provinces [plan] ahead',
    url: articleResults.url,
    summary: summarizePage(articleResults, testData),
    planByRegion: testData.planByRegion,
    categories,
    sourceById: testData.sourceById,
    meta,
  });

  it('starts with the article title and URL', () => {
    expect(markdown.split('\n').slice(0, 3)).toEqual(['# Provinces \\[plan\\] ahead', '', '<https://news.cgtn.com/a/1.html>']);
  });

  it('lists the regions with their counts, most mentioned first', () => {
    expect(markdown).toContain('- **Zhejiang** 浙江: 3 mentions: Zhejiang ×2, Ningbo\n- **Guangdong** 广东: 2 mentions: Guangdong, Shenzhen');
  });

  it('gives every priority its stage and linked sources', () => {
    expect(markdown).toContain(
      '- Build AI computing centres in Hangzhou. (Plan outline; [Zhejiang Government, 20 Jan 2026](https://example.gov.cn/zj); [Xinhua, 1 Dec 2025](https://example.cn/news))',
    );
    expect(markdown).toContain('- R&D spending: 3.3% of GDP by 2030 ([Zhejiang Government, 20 Jan 2026](https://example.gov.cn/zj))');
  });

  it('puts headline figures, then the plan as a whole, before the sector categories', () => {
    expect(markdown.indexOf('### Headline figures')).toBeLessThan(markdown.indexOf('### The plan as a whole'));
    expect(markdown.indexOf('### The plan as a whole')).toBeGreaterThan(0);
    expect(markdown.indexOf('### The plan as a whole')).toBeLessThan(markdown.indexOf('### Digital and AI'));
  });

  it('keeps unverified items under their own heading, after the verified ones', () => {
    const unverified = markdown.indexOf('### Unverified');
    expect(unverified).toBeGreaterThan(markdown.indexOf('### Energy'));
    expect(markdown.indexOf('A rumoured AI fund')).toBeGreaterThan(unverified);
  });

  it('says what is missing for a region without priorities, and ends with the data version', () => {
    expect(markdown).toContain('_No provincial outline published yet._');
    expect(markdown.trimEnd().endsWith('Five-Year Plan Lens data 2026.03-test, as of 15 Mar 2026.')).toBe(true);
  });

  it('lists the national regional strategies the page names, with purpose, members and sources, and none without any', () => {
    expect(markdown).not.toContain('National regional strategies');
    const withStrategy = briefingMarkdown({
      title: 'Clusters',
      url: articleResults.url,
      summary: summarizePage({ mentions: [...articleResults.mentions, { kind: 'cluster', id: 'greater-bay-area', text: 'GBA', sentence: '', block: 9 }] }, testData),
      planByRegion: testData.planByRegion,
      categories,
      sourceById: realSourceById,
      meta,
      strategyById: clusterById,
      regionById: realRegionById,
    });
    const line = withStrategy.split('\n').find((l) => l.startsWith('- **Guangdong-Hong Kong-Macao Greater Bay Area** 粤港澳大湾区: ')) ?? '';
    expect(withStrategy).toContain('## National regional strategies named (1)');
    expect(line).toContain('Members: Guangdong (part), Hong Kong, Macao.');
    expect(line).toMatch(/\(\[.+\]\(https?:\/\/.+\)\)$/);
  });
});

describe('markdownUrl', () => {
  it('encodes what would end a link target early', () => {
    expect(markdownUrl('https://e.org/a_(b) c')).toBe('https://e.org/a_%28b%29%20c');
  });
});

describe('escapeMarkdown', () => {
  it('escapes inline syntax and folds whitespace', () => {
    expect(escapeMarkdown('a *b* [c]\n d_e')).toBe('a \\*b\\* \\[c\\] d\\_e');
  });
});
