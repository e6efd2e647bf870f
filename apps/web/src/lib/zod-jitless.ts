import { config } from 'zod';

// The dashboard's Content-Security-Policy has no 'unsafe-eval'. Zod (the domain package's
// notification schemas) otherwise probes `new Function` the first time it parses, to compile
// faster parsers; under the policy the probe throws, which zod survives, but the browser reports
// a CSP violation on every page (Lighthouse's best practices count it). Jitless skips the probe.
config({ jitless: true });
