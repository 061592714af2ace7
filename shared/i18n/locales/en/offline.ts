/**
 * Strings of the offline-first client: a new version installed by the service worker, and a part
 * of the app whose code could not be downloaded (offline, or removed by a new deploy).
 */
export const offline = {
  update: {
    message: 'A new version of Transforma is ready.',
    reload: 'Reload',
    later: 'Later',
  },
  chunk: {
    title: 'This part of Transforma could not be loaded',
    offline:
      'You are offline and this part of the app is not stored on this device yet. Your work is safe: reconnect, then try again.',
    online:
      'Its code could not be downloaded, perhaps because a new version was installed. Your work is kept on this device: reload the page to continue.',
    retry: 'Try again',
    reload: 'Reload the page',
  },
};
