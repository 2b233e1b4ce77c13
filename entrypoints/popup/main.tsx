import { render } from 'preact';
import { categories, cityById, meta, planByRegion, regionById, sectorById, sourceById } from '../../data';
import { App, type AppData } from './App';
import { browserServices } from './services';
import { markScriptStart } from './timing';
import './style.css';

// Wiring only: the real browser services and the bundled data, rendered into #app.
markScriptStart();
const data: AppData = { categories, meta, planByRegion, regionById, cityById, sectorById, sourceById };
render(<App services={browserServices(location.search)} data={data} />, document.getElementById('app') as HTMLElement);
