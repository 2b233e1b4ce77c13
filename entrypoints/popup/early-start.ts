/**
 * Imported first by main.tsx, so it is evaluated before the App and the dataset (the bulk of
 * the bundle): the tab is asked for its results while those still parse, and the two waits
 * overlap. Also marks the popup's module start for the time-to-first-card measurement.
 */
import { browserServices } from './services';
import { openSession } from './session';
import { markScriptStart } from './timing';

markScriptStart();
export const services = browserServices(location.search);
export const start = openSession(services);
