/**
 * The few names the content script shows or needs: each mark's tooltip ("Ningbo 宁波 — in
 * Zhejiang") and the sector categories (id, label, colour) for colours and the category filter.
 * Compiled at build time into data/dictionary-compiled.json beside the dictionary, so that the
 * content script carries one short copy of the names instead of data/'s region, city and sector
 * files. Pure.
 */
import { REGION_TYPE_LABEL } from '../../data/labels';
import type { City, Region, RegionalStrategy, SectorCategory } from '../../data/schema';
import type { EntityKind } from '../../data/protocol';

/** A sector category as the content script needs it. */
export type CategoryInfo = Pick<SectorCategory, 'id' | 'label' | 'color'>;

/** The names as JSON data (see namesSnapshot). */
export interface NamesSnapshot {
  /**
   * A line per target of the dictionary snapshot, in its order (lines split at "|"): a region's
   * English name, "~" and the rest of its tooltip; a city's names ("=" standing for the English
   * name when it is the id with a capital); a sector's label; a strategy's names; nothing for a
   * not-mention.
   */
  names: string;
  categories: CategoryInfo[];
}

/** What a tooltip is about: a match's kind and id, and its region or category. */
export interface Named {
  kind: EntityKind;
  id: string;
  region?: string;
  category?: string;
}

const LETTER: Record<EntityKind, string> = { region: 'r', city: 'c', sector: 's', cluster: 'k' };

const capitalized = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

/** The dictionary snapshot's target lines as "r" + id, "c" + id …: the part before a space. */
const targetKeys = (targets: string): string[] => targets.split('|').map((line) => line.split(' ')[0] as string);

/**
 * The names of the dataset as JSON data, for data/dictionary-compiled.json, in the order of the
 * dictionary snapshot's `targets`.
 */
export function namesSnapshot(
  source: {
    regions: readonly Region[];
    cities: readonly City[];
    categories: readonly SectorCategory[];
    clusters?: readonly Pick<RegionalStrategy, 'id' | 'nameEn' | 'nameZh'>[];
  },
  targets: string,
): NamesSnapshot {
  const words = new Map<string, string>([
    ...source.regions.map((r) => [`r${r.id}`, `${r.nameEn}~${r.nameZh} — ${REGION_TYPE_LABEL[r.type].toLowerCase()}`] as const),
    // "=" stands for the English name when it is the id with a capital (most cities).
    ...source.cities.map((c) => [`c${c.id}`, c.nameEn === capitalized(c.id) ? `=${c.nameZh}` : `${c.nameEn} ${c.nameZh}`] as const),
    ...source.categories.flatMap((category) => category.sectors.map((s) => [`s${s.id}`, s.label] as const)),
    ...(source.clusters ?? []).map((s) => [`k${s.id}`, `${s.nameEn} ${s.nameZh}`] as const),
  ]);
  const lines = targetKeys(targets).map((key) => words.get(key) ?? '');
  const bad = lines.find((line) => line.includes('|') || line.split('~').length > 2);
  if (bad !== undefined) throw new Error(`names: "|" or "~" in a name: ${bad}`);
  return {
    names: lines.join('|'),
    categories: source.categories.map(({ id, label, color }) => ({ id, label, color })),
  };
}

export interface Names {
  categories: readonly CategoryInfo[];
  /**
   * "Zhejiang 浙江 — province", "Ningbo 宁波 — in Zhejiang", "Low-altitude economy — Emerging
   * industries", "Yangtze River Delta integration 长三角一体化发展 — national regional strategy".
   */
  describe(match: Named): string;
}

/** The names of a snapshot (see namesSnapshot), with the dictionary snapshot's `targets` it follows. */
export function restoreNames(snapshot: NamesSnapshot, targets: string): Names {
  const byKey = new Map<string, string>();
  const keys = targetKeys(targets);
  const lines = snapshot.names.split('|');
  for (let i = 0; i < keys.length; i += 1) byKey.set(keys[i] as string, lines[i] ?? '');
  const categoryLabel = new Map(snapshot.categories.map((c) => [c.id, c.label]));
  /** A region's English name and the rest of its tooltip. */
  const region = (id: string): [string, string] | undefined => {
    const words = byKey.get(`r${id}`);
    if (!words) return undefined;
    const cut = words.indexOf('~');
    return [words.slice(0, cut), words.slice(cut + 1)];
  };
  return {
    categories: snapshot.categories,
    describe(match) {
      if (match.kind === 'region') {
        const found = region(match.id);
        return found ? `${found[0]} ${found[1]}` : match.id;
      }
      const own = byKey.get(`${LETTER[match.kind]}${match.id}`);
      if (!own) return match.id;
      if (match.kind === 'city') {
        const name = own.charCodeAt(0) === 61 /* = */ ? `${capitalized(match.id)} ${own.slice(1)}` : own;
        return `${name} — in ${region(match.region ?? '')?.[0] ?? match.region}`;
      }
      if (match.kind === 'cluster') return `${own} — national regional strategy`;
      return `${own} — ${categoryLabel.get(match.category ?? '') ?? match.category}`;
    },
  };
}
