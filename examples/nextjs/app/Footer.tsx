'use client';
import Link from 'next/link';
import { consent } from './consent';

export function Footer() {
  return (
    <footer>
      <Link href="/">Home</Link> · <Link href="/about">About</Link> ·{' '}
      <button type="button" onClick={() => consent.showPreferences()}>
        Cookie preferences
      </button>
    </footer>
  );
}
