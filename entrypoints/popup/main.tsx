// Wiring only. early-start must stay the first import: it starts asking the tab (see there).
import { services, start } from './early-start';
import { render } from 'preact';
import { categories, cityById, meta, national, planByRegion, regionById, sectorById, sourceById } from '../../data';
import { SummaryApp, type AppData } from '../../components/popup/SummaryApp';
import '../../components/popup/summary.css';

const data: AppData = { categories, meta, national, planByRegion, regionById, cityById, sectorById, sourceById };
render(<SummaryApp services={services} data={data} start={start} />, document.getElementById('app') as HTMLElement);
