import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyLocale } from './i18n/localeChoice.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { applyDeviceSettings } from './settings/applyDeviceSettings.ts';
import './styles.css';
import './a11y.css';

applyDeviceSettings();
applyLocale();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
