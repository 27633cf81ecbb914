import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where `setUpOpenApi` serves the Swagger UI and its assets. */
export const DOCS_PREFIX = '/docs';

type Directives = Record<string, string[]>;

/** The api answers JSON and CSV only: nothing in a response may load, run or frame anything. */
const API_POLICY: Directives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * The Swagger UI page: its scripts and stylesheets come from this origin, but it has inline
 * `<style>` blocks and `style` attributes, and its icons are `data:` images. No inline script.
 */
const DOCS_POLICY: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const policy = (directives: Directives): FastifyHelmetOptions['contentSecurityPolicy'] => ({
  // Helmet's defaults would add `upgrade-insecure-requests`, which breaks the UI over plain
  // http on anything but localhost; we state every directive ourselves.
  useDefaults: false,
  directives,
});

const isDocsRoute = (url: string): boolean =>
  url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`) || url.startsWith(`${DOCS_PREFIX}-`);

/**
 * Security headers on every response (helmet: HSTS, `nosniff`, `X-Frame-Options: DENY`,
 * `Referrer-Policy: no-referrer`, no `X-Powered-By`, ...) with a `default-src 'none'` CSP;
 * the documentation routes get the policy the Swagger UI needs. Call before any route is
 * registered (before `setUpOpenApi` and `app.init()`): the docs policy is attached per route.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (!isDocsRoute(route.url)) return;
    route.config = {
      ...route.config,
      helmet: { contentSecurityPolicy: policy(DOCS_POLICY) },
    } as typeof route.config;
  });
  await app.register(helmet, {
    contentSecurityPolicy: policy(API_POLICY),
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
}
