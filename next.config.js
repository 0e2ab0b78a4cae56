/**
 * Static export: the whole course is plain files that any static host can serve.
 * Security headers (CSP without unsafe-eval) are set by scripts/serve.mjs, since a static
 * export cannot set headers itself.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // Lesson MDX is compiled at build time on the server only; keep the compiler out of bundling.
  serverExternalPackages: ['@mdx-js/mdx'],
};

module.exports = nextConfig;
