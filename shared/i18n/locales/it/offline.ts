/** Italian strings of the offline-first client: a new version ready, a part of the app not loaded. */
import type { LocalePart } from '../types';

export const offline: LocalePart<'offline'> = {
  update: {
    message: 'È pronta una nuova versione di Transforma.',
    reload: 'Ricarica',
    later: 'Più tardi',
  },
  chunk: {
    title: 'Non è stato possibile caricare questa parte di Transforma',
    offline:
      'Sei offline e questa parte dell’applicazione non è ancora salvata su questo dispositivo. Il tuo lavoro è al sicuro: riconnettiti e riprova.',
    online:
      'Non è stato possibile scaricarne il codice, forse perché è stata installata una nuova versione. Il tuo lavoro resta su questo dispositivo: ricarica la pagina per continuare.',
    retry: 'Riprova',
    reload: 'Ricarica la pagina',
  },
};
