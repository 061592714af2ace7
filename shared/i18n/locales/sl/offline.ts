/** Slovenian strings of the offline-first client: a new version ready, a part of the app not loaded. */
import type { LocalePart } from '../types';

export const offline: LocalePart<'offline'> = {
  update: {
    message: 'Nova različica aplikacije Transforma je pripravljena.',
    reload: 'Znova naloži',
    later: 'Pozneje',
  },
  chunk: {
    title: 'Tega dela aplikacije Transforma ni bilo mogoče naložiti',
    offline:
      'Ste brez povezave in ta del aplikacije še ni shranjen na tej napravi. Vaše delo je varno: znova se povežite in poskusite še enkrat.',
    online:
      'Njegove kode ni bilo mogoče prenesti, morda zato, ker je bila nameščena nova različica. Vaše delo ostane shranjeno na tej napravi: za nadaljevanje znova naložite stran.',
    retry: 'Poskusi znova',
    reload: 'Znova naloži stran',
  },
};
