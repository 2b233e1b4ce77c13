import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paletteFor } from '../../data/palette';
import { PopupContext } from '../../components/popup/popup-context';
import { PlanSummary } from '../../components/popup/PlanSummary';
import { PopupStates, type StateView } from '../../components/popup/PopupStates';
import { RegionCard } from '../../components/popup/RegionCard';
import { RegionSectorGrid } from '../../components/popup/RegionSectorGrid';
import { SectorChips } from '../../components/popup/SectorChips';
import { SourceLink } from '../../components/popup/SourceLink';
import { LoadingSkeleton } from '../../components/popup/LoadingSkeleton';
import { textColorOn } from '../../data/contrast';
import { summarizePage } from '../../components/popup/summarize';
import { glanceOf } from '../../components/popup/region-glance';
import { articleResults, categories, sources, testData } from './popup-test-data';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const palette = paletteFor({ categories, colors: { energy: '#ef4444' } });

function show(children: ComponentChildren): HTMLElement {
  render(<PopupContext.Provider value={{ data: testData, palette }}>{children}</PopupContext.Provider>, root);
  return root;
}

const summary = summarizePage(articleResults, testData);
const zhejiang = summary.regions[0]!;
const glance = glanceOf(testData.planByRegion.get('zhejiang'), testData.sectorById, new Set(['computing']));

describe('SourceLink', () => {
  it('names publisher and date and opens the source in a new tab without an opener', () => {
    show(<SourceLink source={sources[0]!} />);
    const link = root.querySelector('a')!;
    expect(link.textContent).toBe('Zhejiang Government, 20 Jan 2026');
    expect(link.getAttribute('href')).toBe('https://example.gov.cn/zj');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('aria-label')).toContain('opens in a new tab');
  });
});

describe('SectorChips', () => {
  it('colours chips from the palette (user colours included) with readable text', () => {
    show(<SectorChips label="Sectors" chips={[{ id: 'hydrogen', label: 'Hydrogen', category: 'energy', count: 2, onPage: true }]} />);
    const chip = root.querySelector<HTMLElement>('[data-sector="hydrogen"]')!;
    expect(chip.style.background).toMatch(/#ef4444|rgb\(239, 68, 68\)/);
    expect(chip.textContent).toBe('Hydrogen ×2 (named on this page)');
    expect(root.querySelector('ul')!.getAttribute('aria-label')).toBe('Sectors');
  });

  it('picks the text colour with the higher contrast', () => {
    expect(textColorOn('#ffd54f')).toBe('#111111');
    expect(textColorOn('#1a237e')).toBe('#ffffff');
  });
});

describe('PlanSummary', () => {
  it('groups items by category, each with stage and source links', () => {
    show(<PlanSummary region="zhejiang" pageSectors={new Set(['ai'])} />);
    const groups = [...root.querySelectorAll('[data-category]')].map((g) => g.getAttribute('data-category'));
    expect(groups).toEqual(['overall', 'digital', 'energy']);
    expect(root.querySelector('[data-category="overall"] h5')!.textContent).toBe('The plan as a whole');
    expect(root.querySelector('[data-category="overall"] .swatch')).toBeNull();
    const item = root.querySelector('[data-item="zj-ai"]')!;
    expect(item.textContent).toContain('Plan outline');
    expect(item.querySelectorAll('a.source-link')).toHaveLength(2);
    expect(item.querySelector('[data-sector="ai"]')!.classList.contains('chip--on-page')).toBe(true);
    expect(root.textContent).toContain('R&D spending:');
  });

  it('shows unverified items only in the marked group', () => {
    show(<PlanSummary region="zhejiang" pageSectors={new Set()} />);
    const unverified = root.querySelector('[data-unverified]')!;
    expect(unverified.querySelector('h5')!.textContent).toContain('Unverified');
    expect(unverified.querySelector('[data-item="zj-rumour"]')).not.toBeNull();
    const outside = [...root.querySelectorAll('[data-item="zj-rumour"]')].filter((el) => !unverified.contains(el));
    expect(outside).toEqual([]);
  });

  it('says what the research could not find', () => {
    show(<PlanSummary region="guangdong" pageSectors={new Set()} />);
    expect(root.querySelector('.plan-gap')!.textContent).toBe('No provincial outline published yet.');
  });

  it('dates the region by its newest cited source, and shows no date without sources', () => {
    show(<PlanSummary region="zhejiang" pageSectors={new Set()} />);
    expect(root.querySelector('.plan-asof')!.textContent).toBe('Sources up to 20 Jan 2026');
    expect(root.querySelector('.plan-asof time')!.getAttribute('datetime')).toBe('2026-01-20');
    show(<PlanSummary region="guangdong" pageSectors={new Set()} />);
    expect(root.querySelector('.plan-asof')).toBeNull();
  });
});

describe('RegionCard', () => {
  it('shows names, type, capital and what the count is made of', () => {
    show(<RegionCard summary={zhejiang} glance={glance} open onToggle={() => {}} pageSectors={new Set()} onJump={async () => ({ found: true, position: 1, total: 3 })} />);
    const card = root.querySelector('[data-region="zhejiang"]')!;
    expect(card.querySelector('h3')!.textContent).toBe('Zhejiang 浙江');
    expect(card.querySelector('.card-facts')!.textContent).toBe('浙江省 · Province · capital Hangzhou 杭州');
    expect(card.querySelector('.card-count')!.textContent).toBe('3 mentions: Zhejiang ×2, Ningbo');
    expect(card.getAttribute('aria-labelledby')).toBe('region-zhejiang');
  });

  it('renders the page sentences as text, never as HTML', () => {
    show(<RegionCard summary={zhejiang} glance={glance} open onToggle={() => {}} pageSectors={new Set()} onJump={async () => ({ found: false, position: 0, total: 0 })} />);
    const sentences = [...root.querySelectorAll('.sentences li')].map((li) => li.textContent);
    expect(sentences).toContain('Ningbo builds <b>ports</b> & <img src=x onerror=alert(1)>.');
    expect(root.querySelector('.sentences img, .sentences b')).toBeNull();
  });

  it('jumps from a button and announces the position', async () => {
    const onJump = vi.fn(async () => ({ found: true, position: 2, total: 5 }));
    show(<RegionCard summary={zhejiang} glance={glance} open onToggle={() => {}} pageSectors={new Set()} onJump={onJump} />);
    const button = root.querySelector<HTMLButtonElement>('.jump button')!;
    expect(button.tagName).toBe('BUTTON'); // keyboard-usable: Enter and Space click it
    expect(button.textContent).toBe('Jump to mention of Zhejiang on the page ↓');
    await act(async () => {
      button.click();
    });
    expect(onJump).toHaveBeenCalledOnce();
    const status = root.querySelector('.jump-status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('2 of 5');
  });

  it('reports a jump that found nothing', async () => {
    show(<RegionCard summary={zhejiang} glance={glance} open onToggle={() => {}} pageSectors={new Set()} onJump={async () => Promise.reject(new Error('gone'))} />);
    await act(async () => {
      root.querySelector<HTMLButtonElement>('.jump button')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(root.querySelector('.jump-status')!.textContent).toBe('The page did not answer');
  });
});

describe('RegionSectorGrid', () => {
  it('is a table with row and column headers, in a keyboard-scrollable region', () => {
    show(<RegionSectorGrid grid={summary.grid} />);
    const scroll = root.querySelector('.grid-scroll')!;
    expect(scroll.getAttribute('tabindex')).toBe('0');
    expect(scroll.getAttribute('role')).toBe('region');
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Zhejiang', '1', '1', '1'],
      ['Guangdong', '1', '·', '·'],
    ]);
    expect(root.querySelectorAll('th[scope="col"]')).toHaveLength(4);
  });
});

describe('PopupStates', () => {
  const cases: [StateView, string, string][] = [
    [{ kind: 'restricted', url: 'chrome://newtab' }, 'restricted', "This page can't be highlighted"],
    [{ kind: 'off', site: 'scmp.com', reason: 'site' }, 'off', 'Highlighting is off on this site'],
    [{ kind: 'off', site: null, reason: 'everywhere' }, 'off', 'Highlighting is off everywhere'],
    [{ kind: 'off', site: 'scmp.com', reason: 'tab' }, 'off', 'Highlighting is off on this tab'],
    [{ kind: 'not-listed', site: 'blog.example.org' }, 'not-listed', "blog.example.org isn't on the list of news sites"],
    [{ kind: 'not-running', site: 'scmp.com' }, 'not-running', "The highlighter isn't running on this page yet"],
    [{ kind: 'no-regions', demoUrl: 'chrome-extension://x/demo.html', sectorCount: 0 }, 'no-regions', 'No Chinese region named on this page'],
    [{ kind: 'error', message: 'Boom' }, 'error', 'Something went wrong'],
  ];

  it.each(cases)('%o renders state %s with its heading', (view, state, heading) => {
    show(<PopupStates view={view} />);
    const section = root.querySelector(`[data-state="${state}"]`)!;
    expect(section.querySelector('h2')!.textContent).toBe(heading);
    expect(section.getAttribute('aria-labelledby')).toBe('state-heading');
  });

  it('links the demo article when no region is found', () => {
    show(<PopupStates view={{ kind: 'no-regions', demoUrl: 'chrome-extension://x/demo.html', sectorCount: 2 }} />);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('chrome-extension://x/demo.html');
    expect(root.textContent).toContain('names priority sectors');
  });

  it('offers one control to switch highlighting on', () => {
    const onEnable = vi.fn();
    show(<PopupStates view={{ kind: 'off', site: 'scmp.com', reason: 'site' }} onEnable={onEnable} />);
    const buttons = root.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.textContent).toBe('Turn on for scmp.com');
    buttons[0]!.click();
    expect(onEnable).toHaveBeenCalledOnce();
  });

  it('offers "Highlight this page" and "Always on this site" outside the list', () => {
    const onHighlightOnce = vi.fn();
    const onAlwaysOnSite = vi.fn();
    show(<PopupStates view={{ kind: 'not-listed', site: 'blog.example.org' }} onHighlightOnce={onHighlightOnce} onAlwaysOnSite={onAlwaysOnSite} />);
    const [once, always] = [...root.querySelectorAll('button')];
    expect([once?.textContent, always?.textContent]).toEqual(['Highlight this page', 'Always on this site']);
    once!.click();
    always!.click();
    expect(onHighlightOnce).toHaveBeenCalledOnce();
    expect(onAlwaysOnSite).toHaveBeenCalledOnce();
  });
});

describe('LoadingSkeleton', () => {
  it('is announced as busy and hides its bones from assistive technology', () => {
    show(<LoadingSkeleton />);
    const skeleton = root.querySelector('.skeleton')!;
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    expect(skeleton.querySelector('h2')!.textContent).toBe('Reading this page…');
    expect(skeleton.querySelector('.cards')!.getAttribute('aria-hidden')).toBe('true');
  });
});
