import { configure } from '@testing-library/dom';

// Component tests wait for debounced updates; on a loaded 2-core CI machine 1 s (the default)
// is not always enough. A real failure still fails, only later.
configure({ asyncUtilTimeout: 5000 });

// Cores started by tests exit on an error nothing handled (see process-guard.ts) instead of
// logging it and serving on, so no test passes over one.
process.env.MCP_TRAY_CRASH_ON_UNEXPECTED = '1';
