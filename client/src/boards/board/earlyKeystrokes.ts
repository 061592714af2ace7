/**
 * Typing that starts the moment a rich-text editor is asked for would otherwise be lost: until
 * ProseMirror and its Yjs binding have started and taken the focus, keys land on the button that
 * opened the editor. From the editor's first render until it is ready, printable keys are captured
 * here (and kept from reaching that button); then they are replayed into the editor.
 */
export interface KeystrokeCapture {
  /** Stops capturing and returns what was typed (Backspace already applied). */
  stop(): string;
}

/**
 * Other fields keep their keys. The editor's own contenteditable does not: until the captured
 * text is replayed, keys typed there would land before it.
 */
function isOtherField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `beforeShortcut` runs when a modifier shortcut (Ctrl+B…) is pressed while capturing, so the owner
 * can put the captured text in first and the shortcut then applies where the person expects.
 */
export function captureEarlyKeystrokes(beforeShortcut?: () => void): KeystrokeCapture {
  let typed = '';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey || event.altKey) {
      beforeShortcut?.();
      return;
    }
    if (isOtherField(event.target)) return;
    if (event.key.length === 1) typed += event.key;
    else if (event.key === 'Backspace') typed = typed.slice(0, -1);
    else return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown, true);
  let stopped = false;
  return {
    stop() {
      if (!stopped) window.removeEventListener('keydown', onKeyDown, true);
      stopped = true;
      return typed;
    },
  };
}
