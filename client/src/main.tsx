import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import './styles/index.css';
import { App } from './app/App';
import { ChunkErrorBoundary } from './offline/ChunkErrorBoundary';
import { UpdatePrompt } from './offline/UpdatePrompt';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The first screen in the person's language (its strings load first; English needs no wait).
// The service worker is registered by UpdatePrompt, which also asks before a new version starts.
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <ChunkErrorBoundary page>
        <App />
      </ChunkErrorBoundary>
      <UpdatePrompt />
    </StrictMode>,
  ),
);
