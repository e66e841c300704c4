// The renderer's entry: the API client for this transport, the store, the window.
import { createRoot } from 'react-dom/client';
import { createClient } from './api/index.js';
import { App } from './App.js';
import { useStore } from './store.js';
import './styles.css';

useStore.getState().init(createClient());
createRoot(document.getElementById('root')!).render(<App />);

// A file dropped outside a drop zone must not replace the page with the file (browser mode would navigate to it).
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
