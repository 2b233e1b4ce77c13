import { render, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clusterById, regionById as realRegionById, sourceById as realSourceById } from '../../data';
import { paletteFor } from '../../data/palette';
import type { RegionId, RegionalStrategy } from '../../data/schema';
import { PopupContext } from '../../components/popup/popup-context';
import { RegionCard } from '../../components/popup/RegionCard';
import { StrategyCard } from '../../components/popup/StrategyCard';
import { StrategyList, type StrategyLookups } from '../../components/popup/StrategyList';
import { focusRegionCard } from '../../components/popup/region-card-focus';
import { glanceOf } from '../../components/popup/region-glance';
import { summarizePage } from '../../components/popup/summarize';
import { articleResults, categories, testData } from './popup-test-data';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const palette = paletteFor({ categories, colors: {} });

function show(children: ComponentChildren, data = testData): HTMLElement {
  render(<PopupContext.Provider value={{ data, palette }}>{children}</PopupContext.Provider>, root);
  return root;
}

/** Two small strategies over the test regions (Zhejiang, Guangdong, Shanghai), citing test sources. */
const delta: RegionalStrategy = {
  id: 'test-delta',
  nameEn: 'Test Delta',
  nameZh: '测试三角',
  kind: 'major-regional',
  termsEn: ['Test Delta'],
  termsZh: ['测试三角'],
  members: [{ region: 'shanghai' }, { region: 'zhejiang' }, { region: 'anhui', partial: true, note: 'its eastern cities' }],
  purpose: 'A test cluster that runs as one market.',
  sources: ['nat-src', 'zj-news'],
  memberSources: ['zj-outline'],
};
const port: RegionalStrategy = {
  id: 'test-port',
  nameEn: 'Test Port',
  nameZh: '测试港',
  kind: 'opening-up',
  termsEn: ['Test Port'],
  termsZh: ['测试港'],
  members: [{ region: 'guangdong' }],
  purpose: 'A test free port.',
  sources: ['nat-src'],
  memberSources: ['nat-src'],
};
const lookups: StrategyLookups = {
  strategyById: new Map([delta, port].map((s) => [s.id, s])),
  regionById: testData.regionById,
};

describe('StrategyCard', () => {
  it('shows the names, kind, purpose and its sources as links', () => {
    show(<StrategyCard strategy={delta} regionById={testData.regionById} regionsOnPage={new Set()} onOpenRegion={() => {}} />);
    const card = root.querySelector('[data-strategy="test-delta"]')!;
    expect(card.tagName).toBe('ARTICLE');
    const heading = card.querySelector('h3')!;
    expect(card.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(heading.textContent).toBe('Test Delta 测试三角');
    expect(heading.querySelector('[lang="zh-Hans"]')!.textContent).toBe('测试三角');
    expect(card.querySelector('.card-facts')!.textContent).toBe('Major regional strategy · 3 member regions');
    const purpose = card.querySelector('.strategy-purpose')!;
    expect(purpose.textContent).toContain('A test cluster that runs as one market.');
    expect([...purpose.querySelectorAll('a.source-link')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.cn/national',
      'https://example.cn/news',
    ]);
    expect(card.querySelector('.strategy-member-sources a.source-link')!.textContent).toBe('Zhejiang Government, 20 Jan 2026');
  });

  it('makes members with a card on this popup buttons that open it, the others plain names', () => {
    const onOpenRegion = vi.fn<(id: RegionId) => void>();
    show(<StrategyCard strategy={delta} regionById={testData.regionById} regionsOnPage={new Set(['zhejiang'])} onOpenRegion={onOpenRegion} />);
    const members = [...root.querySelectorAll('.strategy-members li')];
    expect(members.map((li) => li.getAttribute('data-member'))).toEqual(['shanghai', 'zhejiang', 'anhui']);
    expect(members.map((li) => li.getAttribute('data-on-page'))).toEqual(['no', 'yes', 'no']);
    expect(root.querySelector('[data-member="shanghai"] button')).toBeNull();
    const button = root.querySelector<HTMLButtonElement>('[data-member="zhejiang"] button')!;
    expect(button.type).toBe('button');
    expect(button.textContent).toBe('Zhejiang (open its card)');
    act(() => button.click());
    expect(onOpenRegion).toHaveBeenCalledExactlyOnceWith('zhejiang');
    // A region without an entry in the lookup is shown by its id rather than dropped.
    expect(root.querySelector('[data-member="anhui"]')!.textContent).toBe('anhui (part)');
  });

  it('says which part of a partly included region belongs', () => {
    show(<StrategyCard strategy={delta} regionById={testData.regionById} regionsOnPage={new Set()} onOpenRegion={() => {}} />);
    expect([...root.querySelectorAll('.strategy-parts li')].map((li) => li.textContent)).toEqual(['anhui: its eastern cities']);
    expect(root.querySelector('[data-member="zhejiang"] .strategy-part')).toBeNull();
  });

  it('leaves out the parts list when every member belongs whole', () => {
    show(<StrategyCard strategy={port} regionById={testData.regionById} regionsOnPage={new Set()} onOpenRegion={() => {}} />);
    expect(root.querySelector('.strategy-parts')).toBeNull();
    expect(root.querySelector('.card-facts')!.textContent).toBe('Opening-up platform · 1 member region');
  });
});

describe('StrategyList', () => {
  it('shows one card per strategy named, in the given order, once each, skipping unknown ids', () => {
    show(<StrategyList ids={['test-port', 'no-such-strategy', 'test-delta', 'test-port']} lookups={lookups} regionsOnPage={new Set()} onOpenRegion={() => {}} />);
    expect([...root.querySelectorAll('[data-strategy]')].map((c) => c.getAttribute('data-strategy'))).toEqual(['test-port', 'test-delta']);
    const section = root.querySelector('section.strategies')!;
    expect(section.querySelector('h2')!.textContent).toBe('2 national regional strategies on this page');
    expect(section.getAttribute('aria-labelledby')).toBe(section.querySelector('h2')!.id);
  });

  it('says "strategy" for one', () => {
    show(<StrategyList ids={['test-port']} lookups={lookups} regionsOnPage={new Set()} onOpenRegion={() => {}} />);
    expect(root.querySelector('h2')!.textContent).toBe('1 national regional strategy on this page');
  });

  it('renders nothing when the page names no known strategy', () => {
    show(<StrategyList ids={['no-such-strategy']} lookups={lookups} regionsOnPage={new Set()} onOpenRegion={() => {}} />);
    expect(root.innerHTML).toBe('');
    show(<StrategyList ids={[]} lookups={lookups} regionsOnPage={new Set()} onOpenRegion={() => {}} />);
    expect(root.innerHTML).toBe('');
  });

  it('shows the real Greater Bay Area and Yangtze River Delta cards with their members and sources', () => {
    const real: StrategyLookups = { strategyById: clusterById, regionById: realRegionById };
    show(
      <StrategyList ids={['greater-bay-area', 'yangtze-river-delta']} lookups={real} regionsOnPage={new Set(['guangdong'])} onOpenRegion={() => {}} />,
      { ...testData, sourceById: realSourceById },
    );
    const gba = root.querySelector('[data-strategy="greater-bay-area"]')!;
    expect(gba.querySelector('h3')!.textContent).toBe('Guangdong-Hong Kong-Macao Greater Bay Area 粤港澳大湾区');
    expect([...gba.querySelectorAll('.strategy-members li')].map((li) => li.textContent)).toEqual([
      'Guangdong (open its card) (part)',
      'Hong Kong',
      'Macao',
    ]);
    expect(gba.querySelector('.strategy-parts')!.textContent).toContain('Shenzhen');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('a.source-link')];
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(link.getAttribute('rel')).toContain('noopener');
    }
    expect(root.querySelector('[data-strategy="yangtze-river-delta"] .strategy-members')!.textContent).toContain('Shanghai');
  });
});

describe('a member link landing on its region card', () => {
  const summary = summarizePage(articleResults, testData);
  const zhejiang = summary.regions.find((r) => r.region.id === 'zhejiang')!;
  const glance = glanceOf(testData.planByRegion.get('zhejiang'), testData.sectorById, new Set());

  /** The wiring the popup does: opening the region's card, then bringing it into view. */
  function Harness() {
    const [open, setOpen] = useState(false);
    const openRegion = (id: RegionId): void => {
      setOpen(true);
      // After the card has rendered open.
      queueMicrotask(() => focusRegionCard(root, id));
    };
    return (
      <>
        <RegionCard summary={zhejiang} glance={glance} open={open} onToggle={() => setOpen(!open)} pageSectors={new Set()} onJump={async () => ({ found: false, position: 0, total: 0 })} />
        <StrategyList ids={['test-delta']} lookups={lookups} regionsOnPage={new Set(['zhejiang'])} onOpenRegion={openRegion} />
      </>
    );
  }

  it('opens the region card and moves focus to its toggle', async () => {
    show(<Harness />);
    const card = root.querySelector('[data-region="zhejiang"]')!;
    expect(card.querySelector('.card-body')).toBeNull();
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-member="zhejiang"] button')!.click();
      await Promise.resolve();
    });
    expect(card.querySelector('.card-body')).not.toBeNull();
    expect(document.activeElement).toBe(card.querySelector('.row-toggle'));
  });

  it('reports a region without a card here', () => {
    show(<Harness />);
    expect(focusRegionCard(root, 'guangdong')).toBe(false);
    expect(focusRegionCard(root, 'zhejiang')).toBe(true);
  });
});
