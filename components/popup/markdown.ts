/**
 * Pure: the "Copy summary" briefing — the article (title and URL), the regions it names with
 * their counts, the national regional strategies it names, and each region's plan priorities
 * with their sources — as Markdown.
 */
import type { DataMeta, Figure, PlanItem, Region, RegionId, RegionPlan, RegionalStrategy, SectorCategory, Source } from '../../data/schema';
import { formatDate, REGION_TYPE_LABEL, STAGE_LABEL, strategyMemberLabel } from '../../data/labels';
import { isLinkedSource, unlinkedSourceNote } from '../../data/source-links';
import { groupPlan } from './plan-groups';
import type { PageSummary } from './summarize';

export interface BriefingInput {
  title: string;
  url: string;
  summary: PageSummary;
  planByRegion: ReadonlyMap<RegionId, RegionPlan>;
  categories: readonly SectorCategory[];
  sourceById: ReadonlyMap<string, Source>;
  meta: DataMeta;
  /** For the strategies the page names (left out without it). */
  strategyById?: ReadonlyMap<string, RegionalStrategy>;
  regionById?: ReadonlyMap<string, Region>;
}

/** Escapes the characters that would change Markdown inline formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
}

/** A URL safe inside Markdown's (…) link target: no spaces or parentheses. */
export function markdownUrl(url: string): string {
  return url.replace(/[ ()]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));
}

/** A source as the popup shows it: a link, or for a mirror, aggregator or machine copy plain text. */
function sourceCitation(s: Source): string {
  const name = `${escapeMarkdown(s.publisher)}, ${formatDate(s.date)}`;
  if (isLinkedSource(s)) return `[${name}](${markdownUrl(s.url)})`;
  return `${name}: ${escapeMarkdown(s.title)} (${unlinkedSourceNote(s)})`;
}

function sourceLinks(ids: readonly string[], sourceById: ReadonlyMap<string, Source>): string {
  const links = ids
    .map((id) => sourceById.get(id))
    .filter((s): s is Source => s !== undefined)
    .map(sourceCitation);
  return links.length > 0 ? links.join('; ') : 'no source';
}

function itemLine(item: PlanItem, sourceById: ReadonlyMap<string, Source>): string {
  return `- ${escapeMarkdown(item.text)} (${STAGE_LABEL[item.stage]}; ${sourceLinks(item.sources, sourceById)})`;
}

function figureLine(figure: Figure, sourceById: ReadonlyMap<string, Source>): string {
  return `- ${escapeMarkdown(figure.label)}: ${escapeMarkdown(figure.value)} (${sourceLinks(figure.sources, sourceById)})`;
}

/** The Markdown briefing of one page. */
export function briefingMarkdown(input: BriefingInput): string {
  const { summary, sourceById } = input;
  const lines: string[] = [`# ${escapeMarkdown(input.title || input.url)}`, '', `<${input.url}>`, ''];
  if (summary.regions.length === 0) {
    lines.push('No provincial-level region is named on this page.', '');
  } else {
    lines.push(`## Regions named (${summary.regions.length})`, '');
    for (const r of summary.regions) lines.push(`- **${r.region.nameEn}** ${r.region.nameZh}: ${escapeMarkdown(r.countLabel)}`);
    lines.push('');
  }
  if (summary.sectors.length > 0) {
    lines.push(`Sectors named: ${summary.sectors.map((s) => (s.count > 1 ? `${s.label} ×${s.count}` : s.label)).join(', ')}`, '');
  }
  const strategies = summary.strategies.map((s) => input.strategyById?.get(s.id)).filter((s): s is RegionalStrategy => s !== undefined);
  if (strategies.length > 0) {
    lines.push(`## National regional strategies named (${strategies.length})`, '');
    for (const s of strategies) {
      const members = s.members.map((m) => strategyMemberLabel(m, input.regionById));
      lines.push(`- **${escapeMarkdown(s.nameEn)}** ${s.nameZh}: ${escapeMarkdown(s.purpose)} Members: ${members.join(', ')}. (${sourceLinks(s.sources, sourceById)})`);
    }
    lines.push('');
  }
  for (const r of summary.regions) {
    const { region } = r;
    lines.push(
      `## ${region.nameEn} ${region.nameZh}`,
      '',
      `${REGION_TYPE_LABEL[region.type]}, capital ${region.capital.en} ${region.capital.zh}. ${escapeMarkdown(r.countLabel)}.`,
      '',
    );
    const plan = input.planByRegion.get(region.id);
    const groups = groupPlan(plan, input.categories);
    // Same order as the popup: headline figures, then the items by category.
    if (groups.figures.length > 0) {
      lines.push('### Headline figures', '');
      for (const figure of groups.figures) lines.push(figureLine(figure, sourceById));
      lines.push('');
    }
    for (const group of groups.categories) {
      lines.push(`### ${escapeMarkdown(group.category.label)}`, '');
      for (const item of group.items) lines.push(itemLine(item, sourceById));
      lines.push('');
    }
    const { items, figures } = groups.unverified;
    if (items.length + figures.length > 0) {
      lines.push('### Unverified (low-reliability sources only)', '');
      for (const item of items) lines.push(itemLine(item, sourceById));
      for (const figure of figures) lines.push(figureLine(figure, sourceById));
      lines.push('');
    }
    if (!plan || (groups.categories.length === 0 && groups.figures.length === 0)) {
      lines.push(plan?.gaps ? `_${escapeMarkdown(plan.gaps)}_` : '_No sourced priorities in the data yet._', '');
    }
  }
  lines.push('---', '', `Five-Year Plan Lens data ${input.meta.version}, as of ${formatDate(input.meta.asOf)}.`, '');
  return lines.join('\n');
}
