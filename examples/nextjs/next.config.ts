import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This folder is the app (the repository above it has its own lockfile).
  turbopack: { root: __dirname },
};

export default nextConfig;
