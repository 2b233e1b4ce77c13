import { render } from 'preact';
import { categories } from '../../data/dictionary';
import { App } from './App';
import './options.css';

// Wiring only: the real data and browser APIs go in here, tests pass their own.
render(<App categories={categories} api={browser} isFirefox={import.meta.env.FIREFOX} />, document.getElementById('app') as HTMLElement);
