// Wiring only: the popup's summaries, for the tab the side panel (Firefox: sidebar) shows.
import { render } from 'preact';
import { appData } from '../../components/popup/app-data';
import { FollowedTabSummary } from '../../components/popup/FollowedTabSummary';
import { browserServices } from '../../components/popup/services';
import '../../components/popup/summary.css';

render(<FollowedTabSummary services={browserServices(location.search, true)} data={appData} />, document.getElementById('app') as HTMLElement);
