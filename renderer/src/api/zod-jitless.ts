import { config as configureZod } from 'zod';

// zod's JIT probes `new Function`; under our CSP (no 'unsafe-eval') that probe is reported as a
// violation even though zod catches it. It runs as soon as the contract builds its schemas, so
// this module must be evaluated before anything imports the contract: main.tsx imports it first.
configureZod({ jitless: true });
