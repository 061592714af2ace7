/**
 * The organiser token, kept for this browser tab only (sessionStorage): it opens every workshop's
 * records, so it is not left behind in localStorage on a shared computer.
 */
import { useCallback, useState } from 'react';
import { readWorkshopAccess } from './workshopAccess';

const KEY = 'transforma:organiserToken';

export function readOrganiserToken(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function writeOrganiserToken(token: string | null): void {
  try {
    if (token) window.sessionStorage.setItem(KEY, token);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the token lasts as long as the page.
  }
}

/** The organiser token and how to set or forget it. */
export function useOrganiserToken() {
  const [token, setToken] = useState<string | null>(readOrganiserToken);
  const save = useCallback((next: string | null) => {
    writeOrganiserToken(next);
    setToken(next);
  }, []);
  return { token, save };
}

/**
 * What opens a workshop's records in this browser: the organiser token, else the token this
 * browser holds for that workshop (the person's identity token once joined, else the link's).
 */
export function recordToken(workshopId: string, organiserToken: string | null): string | null {
  if (organiserToken) return organiserToken;
  const access = readWorkshopAccess(workshopId);
  return access?.identity?.token ?? access?.token ?? null;
}
