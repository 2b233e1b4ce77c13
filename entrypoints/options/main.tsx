import { render } from 'preact';
import { categories } from '../../data/dictionary';
import { App } from './App';
import { browserSettingsTransport } from './settings-session';
import './options.css';

// Wiring only: the real data and browser APIs go in here, tests pass their own.
const transport = browserSettingsTransport(new Set(categories.map((c) => c.id)));
render(
  <App categories={categories} api={browser} transport={transport} isFirefox={import.meta.env.FIREFOX} />,
  document.getElementById('app') as HTMLElement,
);
