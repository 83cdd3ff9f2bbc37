import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  // Relative URLs: the build works from any folder (the repository's tests serve it from
  // /examples/vue/dist/).
  base: './',
});
