/** French strings of the offline-first client: a new version ready, a part of the app not loaded. */
import type { LocalePart } from '../types';

export const offline: LocalePart<'offline'> = {
  update: {
    message: 'Une nouvelle version de Transforma est prête.',
    reload: 'Recharger',
    later: 'Plus tard',
  },
  chunk: {
    title: 'Cette partie de Transforma n’a pas pu être chargée',
    offline:
      'Vous êtes hors ligne et cette partie de l’application n’est pas encore enregistrée sur cet appareil. Votre travail est en sécurité : reconnectez-vous, puis réessayez.',
    online:
      'Son code n’a pas pu être téléchargé, peut-être parce qu’une nouvelle version a été installée. Votre travail est conservé sur cet appareil : rechargez la page pour continuer.',
    retry: 'Réessayer',
    reload: 'Recharger la page',
  },
};
