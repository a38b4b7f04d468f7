// Vite builds the UI into ui/dist, which the Tauri shell embeds.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  build: { outDir: 'dist', target: 'safari15', emptyOutDir: true },
});
