// Only the subsets Targum's texts use (Hebrew, Arabic, Latin): the others are so small that the build
// inlines them as data: URLs, which the Content-Security-Policy (font-src 'self') refuses.
import '@fontsource/noto-sans-hebrew/hebrew-400.css';
import '@fontsource/noto-sans-hebrew/hebrew-600.css';
import '@fontsource/noto-sans-hebrew/latin-400.css';
import '@fontsource/noto-sans-hebrew/latin-600.css';
import '@fontsource/noto-sans-hebrew/latin-ext-400.css';
import '@fontsource/noto-sans-hebrew/latin-ext-600.css';
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-naskh-arabic/latin-400.css';
import '@fontsource/noto-naskh-arabic/latin-700.css';
import '@fontsource/noto-naskh-arabic/latin-ext-400.css';
import '@fontsource/noto-naskh-arabic/latin-ext-700.css';
import './styles/arabic-digits.css';
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
