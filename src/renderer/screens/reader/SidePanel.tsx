import type { ReactNode } from 'react';

/** A panel beside the reading list: a heading, a close button and its content. */
export function SidePanel({ label, title, className, onClose, children }: { label: string; title: string; className?: string; onClose: () => void; children: ReactNode }) {
  return (
    <aside className={className ? `side-panel ${className}` : 'side-panel'} aria-label={label}>
      <header className="side-panel-header">
        <h2>{title}</h2>
        <button type="button" className="button small" onClick={onClose} aria-label={`Close ${title.toLowerCase()}`}>
          ✕
        </button>
      </header>
      {children}
    </aside>
  );
}
