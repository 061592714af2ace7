/** German strings of the offline-first client: a new version ready, a part of the app not loaded. */
import type { LocalePart } from '../types';

export const offline: LocalePart<'offline'> = {
  update: {
    message: 'Eine neue Version von Transforma ist bereit.',
    reload: 'Neu laden',
    later: 'Später',
  },
  chunk: {
    title: 'Dieser Teil von Transforma konnte nicht geladen werden',
    offline:
      'Sie sind offline, und dieser Teil der Anwendung ist noch nicht auf diesem Gerät gespeichert. Ihre Arbeit ist sicher: Stellen Sie die Verbindung wieder her und versuchen Sie es erneut.',
    online:
      'Der Programmcode konnte nicht heruntergeladen werden, vielleicht weil eine neue Version installiert wurde. Ihre Arbeit bleibt auf diesem Gerät erhalten: Laden Sie die Seite neu, um weiterzuarbeiten.',
    retry: 'Erneut versuchen',
    reload: 'Seite neu laden',
  },
};
