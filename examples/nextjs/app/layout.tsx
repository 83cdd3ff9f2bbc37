import { readConsent } from '@instria/consent/server';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { consentOptions } from '../consent-options';
import { Analytics } from './Analytics';
import { Footer } from './Footer';

export const metadata = { title: 'Instria Consent — Next.js example', icons: { icon: 'data:,' } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The decision the browser stored, read from the request: a visitor who accepted gets the
  // tag in the server's HTML, one who refused (or has not chosen) never does.
  const state = readConsent((await headers()).get('cookie') ?? '', consentOptions);
  return (
    <html lang="en">
      <body>
        {children}
        <Footer />
        <Analytics serverGranted={state.categories.analytics === true} />
      </body>
    </html>
  );
}
