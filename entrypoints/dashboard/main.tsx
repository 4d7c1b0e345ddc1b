import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Shell } from '@/components/dashboard/Shell';
import '@/components/ui/theme.css';
import '@/components/dashboard/dashboard.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Shell />
  </StrictMode>,
);
