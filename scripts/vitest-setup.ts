import { configure } from '@testing-library/dom';

// Component tests wait for debounced updates; on a loaded 2-core CI machine 1 s (the default)
// is not always enough. A real failure still fails, only later.
configure({ asyncUtilTimeout: 5000 });
