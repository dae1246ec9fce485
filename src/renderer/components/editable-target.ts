/** Whether a key event comes from a place that types text, where keys belong to the field (its own undo, letters). */
export const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
