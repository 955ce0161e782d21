import { config as configureZod } from 'zod';

// zod's JIT probes `new Function`; under our CSP (no 'unsafe-eval') that probe is reported as a
// violation even though zod catches it. It runs when a schema is first built or parsed (the
// contract's are built on first use), so this module must be evaluated before anything can use
// the contract: main.tsx imports it first.
configureZod({ jitless: true });
