// Wiring only. early-start must stay the first import: it starts asking the tab (see there).
import { services, start } from './early-start';
import { render } from 'preact';
import { appData } from '../../components/popup/app-data';
import { SummaryApp } from '../../components/popup/SummaryApp';
import '../../components/popup/summary.css';

render(<SummaryApp services={services} data={appData} start={start} />, document.getElementById('app') as HTMLElement);
