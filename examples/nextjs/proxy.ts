import { readConsent } from '@instria/consent/server';
import { NextResponse, type NextRequest } from 'next/server';
import { consentOptions } from './consent-options';

// The proxy (Next.js 16's name for middleware; in Next.js 15, middleware.ts exporting
// `middleware`) sees the decision too: here it tells the response, and whatever is behind it
// (a CDN, a log), whether analytics is granted.
export function proxy(request: NextRequest) {
  const state = readConsent(request, consentOptions);
  const response = NextResponse.next();
  response.headers.set('x-consent-analytics', state.categories.analytics ? 'granted' : 'denied');
  return response;
}

export const config = { matcher: ['/((?!_next/|analytics.js).*)'] };
