/**
 * What every popup component reads: the dataset's lookups and the highlight palette (built
 * from the user's colour settings, so chips match the page's marks). Provided once by the App.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PaletteEntry } from '../../data/palette';
import type { DataMeta, NationalPriority, RegionId, RegionPlan, Sector, SectorCategory, Source } from '../../data/schema';

/** The slice of data/index.ts the popup uses. */
export interface PopupData {
  categories: SectorCategory[];
  sectorById: ReadonlyMap<string, { sector: Sector; category: SectorCategory }>;
  sourceById: ReadonlyMap<string, Source>;
  planByRegion: ReadonlyMap<RegionId, RegionPlan>;
  /** National priorities, to relate a region's plan to the national one. */
  national: readonly NationalPriority[];
  meta: DataMeta;
}

export interface PopupContextValue {
  data: PopupData;
  palette: ReadonlyMap<string, PaletteEntry>;
}

export const PopupContext = createContext<PopupContextValue | null>(null);

/** The popup's data and palette; components are only rendered inside the App's provider. */
export function usePopupContext(): PopupContextValue {
  const value = useContext(PopupContext);
  if (!value) throw new Error('[fyp] popup component rendered outside PopupContext');
  return value;
}
