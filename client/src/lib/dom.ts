/** Where keys and pointers belong to a text field or a control, not to the board. */
export function isTextEntryTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return false;
}

/** A control with its own pointer behaviour (text field, button, link) inside `container`. */
export function isInteractiveTarget(target: EventTarget | null, container: Element): boolean {
  if (!(target instanceof Element)) return false;
  const control = target.closest(
    'input, textarea, select, button, a[href], [contenteditable="true"]',
  );
  return control !== null && container.contains(control) && control !== container;
}
