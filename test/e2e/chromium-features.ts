/**
 * The --disable-features list the e2e harness gives Chromium. Chromium reads only the last
 * --disable-features switch, so adding ours means repeating Playwright's (test/unit/e2e-features.test.ts
 * checks that the copy matches the installed playwright-core).
 */
/** The features playwright-core 1.65 switches off itself (its chromiumSwitches), kept when we add ours. */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
/**
 * Browser UI no test uses: the address bar's WebUI popups load in a renderer of their own at every
 * start, about 1 CPU-second each time (measured on Chromium 156), and the suite starts ~35 browsers.
 */
const UNUSED_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const DISABLED_FEATURES: readonly string[] = [...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_BROWSER_UI];
