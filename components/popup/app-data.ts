/** The dataset's slices the summaries read, from data/ (one place for the popup and the side panel). */
import { categories, cityById, clusterById, meta, national, planByRegion, regionById, sectorById, sourceById } from '../../data';
import type { AppData } from './SummaryApp';

export const appData: AppData = {
  categories,
  meta,
  national,
  planByRegion,
  regionById,
  cityById,
  sectorById,
  sourceById,
  strategyById: clusterById,
};
