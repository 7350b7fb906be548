/** Renderer entry: mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/layout.css';
import './styles/messages.css';
import './styles/messageKinds.css';
import './styles/readerParts.css';
import './styles/panels.css';
import './styles/calendar.css';
import './styles/search.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
