import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/fonts.ts';
import '../shared/scripts.css';
import '../shared/base.css';
import { ConsoleApp } from './console-app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from console/index.html');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
