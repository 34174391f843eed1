import cors from 'cors';

/** Whether `origin` (a request's Origin header) may call the API: `*` allows any. */
export function originAllowed(allowed: readonly string[], origin: string | undefined): boolean {
  return allowed.includes('*') || (origin !== undefined && allowed.includes(origin));
}

/**
 * CORS for a public read API: GET, POST and OPTIONS only, from the configured origins (any by
 * default); a browser page of another origin gets no CORS headers and cannot read the answers.
 */
export function corsFor(allowed: readonly string[]) {
  return cors<cors.CorsRequest>({
    origin: allowed.includes('*') ? '*' : [...allowed],
    methods: ['GET', 'POST', 'OPTIONS'],
    maxAge: 600,
  });
}
