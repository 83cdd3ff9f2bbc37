import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative URLs: the build works from any folder (the repository's tests serve it from
  // /examples/react/dist/).
  base: './',
});
