// Your analytics client, in a module of its own: main.ts imports it only after consent.
// Here Google Analytics 4 (replace G-XXXXXXX with your measurement id).
export function start(): void {
  const w = window as unknown as { dataLayer: unknown[] };
  w.dataLayer = w.dataLayer || [];
  // gtag.js reads each call's `arguments` object, not an array.
  function gtag(..._args: unknown[]): void {
    w.dataLayer.push(arguments);
  }
  gtag('js', new Date());
  gtag('config', 'G-XXXXXXX');
  const script = document.createElement('script');
  script.async = true;
  script.src = 'https://www.googletagmanager.com/gtag/js?id=G-XXXXXXX';
  document.head.append(script);
}
