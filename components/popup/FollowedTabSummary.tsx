import { useLayoutEffect, useState } from 'preact/hooks';
import type { PopupServices } from './services';
import { SummaryApp, type AppData } from './SummaryApp';

interface FollowedTabSummaryProps {
  services: PopupServices;
  data: AppData;
}

/**
 * The side panel: the summaries of the tab it shows, started afresh whenever that changes —
 * another tab activated in its window, or the tab gone to another page. (Changes within a
 * page reach the summaries as the content script's result reports.)
 */
export function FollowedTabSummary({ services, data }: FollowedTabSummaryProps) {
  const [generation, setGeneration] = useState(0);
  // A layout effect: subscribed before the first paint, so no switch of tabs slips past.
  useLayoutEffect(() => services.onTargetChanged(() => setGeneration((n) => n + 1)), [services]);
  return <SummaryApp key={generation} services={services} data={data} />;
}
