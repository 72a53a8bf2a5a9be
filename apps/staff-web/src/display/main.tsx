import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/fonts.ts';
import '../shared/scripts.css';
import './display.css';
import { DisplayApp } from './display-app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from display/index.html');
createRoot(root).render(
  <StrictMode>
    <DisplayApp />
  </StrictMode>,
);
