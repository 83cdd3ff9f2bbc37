'use client';
import { useGranted } from '@instria/consent/react';
import Script from 'next/script';
import { consent } from './consent';

/** The analytics tag: when the server read a grant in the request's cookie, or the visitor grants it here. */
export function Analytics({ serverGranted }: { serverGranted: boolean }) {
  const granted = useGranted(consent, 'analytics');
  if (!serverGranted && !granted) return null;
  return <Script id="analytics" src="/analytics.js" strategy="afterInteractive" />;
}
