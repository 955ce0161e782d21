// First: configures zod before the contract's schemas are built (see the module).
import './api/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { canonicalizeHash } from './routing/use-route';
import './styles/index.css';

// The contract (zod and every schema), the shell and the screens load as separate chunks; the
// first paint needs none of them.
async function start(container: HTMLElement): Promise<void> {
  canonicalizeHash();
  const [{ connect }, { ApiProvider }, { App }] = await Promise.all([
    import('./api/connect'),
    import('./api/api-provider'),
    import('./app'),
  ]);
  const { api, connection } = connect();
  createRoot(container).render(
    <StrictMode>
      <ApiProvider api={api} connection={connection}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) void start(container);
