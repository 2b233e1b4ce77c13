import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paletteFor } from '../../data/palette';
import type { RegionId, RegionPlan } from '../../data/schema';
import { compareRegions } from '../../components/popup/compare';
import { ComparePicker } from '../../components/popup/ComparePicker';
import { CompareSection } from '../../components/popup/CompareSection';
import { CompareView } from '../../components/popup/CompareView';
import { PopupContext } from '../../components/popup/popup-context';
import { categories, plans, regions, testData } from './popup-test-data';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** The test data with Shanghai's plan added: AI and hydrogen, like Zhejiang, and computing twice. */
const shanghaiPlan: RegionPlan = {
  region: 'shanghai',
  items: [
    { id: 'sh-ai', category: 'digital', sectors: ['ai', 'computing'], text: 'AI models.', stage: 'outline', sources: ['zj-outline'] },
    { id: 'sh-dc', category: 'digital', sectors: ['computing'], text: 'Data centres.', stage: 'outline', sources: ['zj-outline'] },
    { id: 'sh-h2', category: 'energy', sectors: ['hydrogen'], text: 'Hydrogen buses.', stage: 'work-report', sources: ['zj-news'] },
  ],
  figures: [],
};
const guangdongPlan: RegionPlan = {
  region: 'guangdong',
  items: [
    { id: 'gd-ai', category: 'digital', sectors: ['ai'], text: 'AI in factories.', stage: 'outline', sources: ['zj-outline'] },
    // Unverified: never counts.
    { id: 'gd-h2', category: 'energy', sectors: ['hydrogen'], text: 'Rumoured hydrogen fund.', stage: 'news-report', sources: ['blog'], unverified: true },
  ],
  figures: [],
};
const data = {
  ...testData,
  planByRegion: new Map<RegionId, RegionPlan>([...plans.map((p) => [p.region, p] as const), ['shanghai', shanghaiPlan], ['guangdong', guangdongPlan]]),
};
const palette = paletteFor({ categories, colors: {} });

function show(children: ComponentChildren): HTMLElement {
  render(<PopupContext.Provider value={{ data, palette }}>{children}</PopupContext.Provider>, root);
  return root;
}

/** The table rows as [sector, shared?, cells…] per category. */
function tables(): Record<string, string[][]> {
  return Object.fromEntries(
    [...root.querySelectorAll('.compare-group')].map((group) => [
      group.getAttribute('data-category'),
      [...group.querySelectorAll('tbody tr')].map((tr) => [
        tr.getAttribute('data-sector') ?? '',
        tr.classList.contains('compare-row--shared') ? 'shared' : '-',
        ...[...tr.querySelectorAll('td span')].map((span) => span.getAttribute('aria-label') ?? ''),
      ]),
    ]),
  );
}

describe('compareRegions', () => {
  it('counts verified priorities per sector and region, by category in data order, shared sectors first', () => {
    const comparison = compareRegions(['zhejiang', 'guangdong', 'shanghai'], data);
    expect(comparison.regions.map((r) => r.id)).toEqual(['zhejiang', 'guangdong', 'shanghai']);
    expect(comparison.groups.map((g) => g.category.id)).toEqual(['digital', 'energy']);
    const digital = comparison.groups[0]!.rows.map((r) => [r.sector.id, r.counts, r.shared]);
    expect(digital).toEqual([
      ['ai', [1, 1, 1], true],
      ['computing', [1, 0, 2], true],
    ]);
    // Guangdong's hydrogen item is unverified: Zhejiang and Shanghai share hydrogen, Guangdong does not.
    expect(comparison.groups[1]!.rows.map((r) => [r.sector.id, r.counts, r.regionsWith])).toEqual([['hydrogen', [1, 0, 1], 2]]);
    expect(comparison.shared.map((r) => r.sector.id)).toEqual(['ai', 'computing', 'hydrogen']);
  });

  it('marks nothing shared when the plans have no sector in common, and skips unknown regions', () => {
    const comparison = compareRegions(['guangdong', 'hainan' as RegionId], data);
    expect(comparison.regions.map((r) => r.id)).toEqual(['guangdong']);
    expect(comparison.shared).toEqual([]);
  });
});

describe('CompareView', () => {
  it('shows the regions side by side by category, with shared sectors marked and listed', () => {
    show(<CompareView comparison={compareRegions(['zhejiang', 'guangdong', 'shanghai'], data)} />);
    expect(root.querySelector('[data-compare]')!.getAttribute('data-compare')).toBe('zhejiang guangdong shanghai');
    expect([...root.querySelectorAll('.compare-group')[0]!.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Sector',
      'Zhejiang',
      'Guangdong',
      'Shanghai',
    ]);
    expect(tables()).toEqual({
      digital: [
        ['ai', 'shared', 'Zhejiang: 1 priority', 'Guangdong: 1 priority', 'Shanghai: 1 priority'],
        ['computing', 'shared', 'Zhejiang: 1 priority', 'Guangdong: not a priority', 'Shanghai: 2 priorities'],
      ],
      energy: [['hydrogen', 'shared', 'Zhejiang: 1 priority', 'Guangdong: not a priority', 'Shanghai: 1 priority']],
    });
    // The visible mark says "shared", not only the colour.
    expect(root.querySelector('[data-sector="computing"] th')!.textContent).toBe('Computing power shared');
    expect(root.querySelector('[data-sector="computing"] td:last-child')!.textContent).toBe('●2');
    const sharedChips = [...root.querySelectorAll('.compare-shared .chip')].map((c) => c.textContent);
    expect(sharedChips).toEqual(['Artificial intelligence 3/3', 'Computing power 2/3', 'Hydrogen 2/3']);
    expect(root.querySelector('.compare-shared ul')!.getAttribute('aria-label')).toBe('Sectors two or more of Zhejiang, Guangdong, Shanghai prioritise');
  });

  it('says so when nothing is shared, and shows nothing for fewer than two regions', () => {
    show(<CompareView comparison={compareRegions(['guangdong', 'zhejiang'], { ...data, planByRegion: new Map([['guangdong', { ...guangdongPlan, items: [] }], ['zhejiang', plans[0]!]]) })} />);
    expect(root.querySelector('.compare-shared')!.textContent).toContain('None: their plans name no sector in common.');
    expect(root.querySelectorAll('.compare-row--shared')).toHaveLength(0);
    show(<CompareView comparison={compareRegions(['zhejiang'], data)} />);
    expect(root.querySelector('[data-compare]')).toBeNull();
  });
});

describe('ComparePicker', () => {
  it('toggles regions and holds the others back once four are picked', async () => {
    const many = [...regions, { ...regions[0]!, id: 'anhui' as RegionId, nameEn: 'Anhui', nameZh: '安徽' }, { ...regions[0]!, id: 'hainan' as RegionId, nameEn: 'Hainan', nameZh: '海南' }];
    const onChange = vi.fn();
    show(<ComparePicker regions={many} chosen={['zhejiang', 'guangdong', 'shanghai', 'anhui']} onChange={onChange} />);
    const box = (id: string) => root.querySelector<HTMLInputElement>(`[data-compare-region="${id}"]`)!;
    expect(box('hainan').disabled).toBe(true);
    expect(box('anhui').disabled).toBe(false);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('4 picked: the most that fit side by side.');
    await act(async () => box('guangdong').click());
    expect(onChange).toHaveBeenLastCalledWith(['zhejiang', 'shanghai', 'anhui']);
    show(<ComparePicker regions={many} chosen={['zhejiang']} onChange={onChange} />);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Pick 1 more to compare.');
    await act(async () => box('hainan').click());
    expect(onChange).toHaveBeenLastCalledWith(['zhejiang', 'hainan']);
    // Every box has its label (the region's names).
    expect(box('hainan').closest('label')!.textContent).toBe(' Hainan 海南');
  });
});

describe('CompareSection', () => {
  it('compares only picked regions that are on the page', () => {
    show(<CompareSection regions={regions.slice(0, 2)} chosen={['shanghai', 'guangdong', 'zhejiang']} onChange={() => {}} lookups={data} />);
    expect(root.querySelector('[data-compare]')!.getAttribute('data-compare')).toBe('guangdong zhejiang');
    expect([...root.querySelectorAll<HTMLInputElement>('[data-compare-region]')].map((b) => b.checked)).toEqual([true, true]);
  });
});
