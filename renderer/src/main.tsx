// First: configures zod before the contract's schemas are built (see the module).
import './api/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-provider';
import { connect } from './api/connect';
import { App } from './app';
import { canonicalizeHash } from './routing/use-route';
import './styles/index.css';

const container = document.getElementById('root');
if (container) {
  canonicalizeHash();
  const { api, connection } = connect();
  createRoot(container).render(
    <StrictMode>
      <ApiProvider api={api} connection={connection}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}
