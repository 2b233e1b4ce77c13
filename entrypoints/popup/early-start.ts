/**
 * Imported first by main.tsx, so it runs before the App's modules are evaluated and its first
 * frame (the skeleton) is rendered: the tab is asked for its results meanwhile, and the waits
 * overlap. (The dataset sits in a chunk shared with other pages, which the browser evaluates
 * before this one whatever the order.) Also marks the module start for the first-card timing.
 */
import { browserServices } from '../../components/popup/services';
import { openSession } from '../../components/popup/session';
import { markScriptStart } from '../../components/popup/timing';

markScriptStart();
export const services = browserServices(location.search);
export const start = openSession(services);
