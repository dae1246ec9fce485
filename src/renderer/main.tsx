import '@fontsource/noto-sans-hebrew/400.css';
import '@fontsource/noto-sans-hebrew/600.css';
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles/tokens.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Startup } from './app/Startup';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Startup />
    </StrictMode>,
  );
}
