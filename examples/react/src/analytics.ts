// A stand-in for your analytics client (gtag.js, Matomo…): the example's test checks that it
// runs only after consent.
export function start(): void {
  (window as unknown as { analyticsRan: boolean }).analyticsRan = true;
  document.documentElement.dataset.analytics = 'started';
}
