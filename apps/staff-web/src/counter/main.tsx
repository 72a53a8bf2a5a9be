import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/fonts.ts';
import '../shared/scripts.css';
import '../shared/base.css';
import './counter.css';
import { CounterApp } from './counter-app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from counter/index.html');
createRoot(root).render(
  <StrictMode>
    <CounterApp />
  </StrictMode>,
);
