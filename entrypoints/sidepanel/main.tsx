// Wiring only: the popup's summaries, for the tab the side panel (Firefox: sidebar) shows.
import { render } from 'preact';
import { categories, cityById, meta, national, planByRegion, regionById, sectorById, sourceById } from '../../data';
import { FollowedTabSummary } from '../../components/popup/FollowedTabSummary';
import { browserServices } from '../../components/popup/services';
import type { AppData } from '../../components/popup/SummaryApp';
import '../../components/popup/summary.css';

const data: AppData = { categories, meta, national, planByRegion, regionById, cityById, sectorById, sourceById };
render(<FollowedTabSummary services={browserServices(location.search, true)} data={data} />, document.getElementById('app') as HTMLElement);
