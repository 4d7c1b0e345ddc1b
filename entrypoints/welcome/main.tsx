import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Welcome } from '@/components/welcome/Welcome';
import '@/components/ui/theme.css';
import '@/components/welcome/welcome.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Welcome />
  </StrictMode>,
);
