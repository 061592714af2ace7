/**
 * Slovenian (slovenščina) strings: every key of the English reference (en.ts), with Slovenian's
 * four plural categories (one, two, few, other). Terms follow docs/i18n/glossary-sl.md.
 */
import { actionList } from './sl/actionList';
import { activityCanvas } from './sl/activityCanvas';
import { archive } from './sl/archive';
import { boards } from './sl/boards';
import { breakouts } from './sl/breakouts';
import { capacityMap } from './sl/capacityMap';
import { errors } from './sl/errors';
import { exportStrings } from './sl/exports';
import { facilitation } from './sl/facilitation';
import { opportunityBoard } from './sl/opportunityBoard';
import { offline } from './sl/offline';
import { join, people } from './sl/people';
import { privateWriting } from './sl/privateWriting';
import { questionnaires } from './sl/questionnaires';
import { s3 } from './sl/s3';
import { voting } from './sl/voting';
import type { Locale } from './types';

export const sl: Locale = {
  s3,
  boards,
  capacityMap,
  opportunityBoard,
  activityCanvas,
  actionList,
  facilitation,
  privateWriting,
  questionnaires,
  voting,
  breakouts,
  archive,
  exports: exportStrings,
  errors,
  offline,
  app: {
    name: 'Transforma',
    tagline: 'Skupne table v živo za delavnice pametne specializacije (S3).',
    documentTitle: '{{workshop}} · Transforma',
    language: 'Jezik',
  },
  start: {
    heading: 'Izvedite delavnico, kjer vsi pišejo na isto tablo',
    explanation:
      'Ustvarite delavnico, delite povezavo in skupaj popišite zmogljivosti, priložnosti in transformativne dejavnosti, v prostoru ali na daljavo. Uporabniški računi niso potrebni.',
    formTitle: 'Nova delavnica',
    titleLabel: 'Naslov delavnice',
    titlePlaceholder: 'npr. Digitalne storitve za alpski turizem',
    templateLabel: 'Vrsta delavnice',
    submit: 'Ustvari delavnico',
    submitting: 'Ustvarjanje …',
    hint: 'Dobili boste tri povezave: za moderatorje, za udeležence in za stenski zaslon.',
    errors: {
      titleRequired: 'Delavnici dajte naslov.',
      network: 'Strežnik ni dosegljiv. Preverite povezavo in poskusite znova.',
      generic: 'Delavnice ni bilo mogoče ustvariti: {{message}}',
    },
    features: {
      live: 'Vsi urejajo v živo',
      noAccounts: 'Pridružitev s povezavo, brez računa',
      offline: 'Deluje tudi ob izpadu omrežja',
    },
  },
  template: {
    edw: 'Delavnica podjetniškega odkrivanja (EDW)',
    cedw: 'Medregionalna delavnica podjetniškega odkrivanja (cEDW)',
    adw: 'Delavnica za razvoj ukrepov (ADW)',
    cadw: 'Medregionalna delavnica za razvoj ukrepov (cADW)',
    'self-assessment': 'Samoocena upravljanja grozda',
  },
  templateShort: {
    edw: 'EDW',
    cedw: 'cEDW',
    adw: 'ADW',
    cadw: 'cADW',
    'self-assessment': 'Samoocena',
  },
  role: {
    facilitator: 'Moderator',
    participant: 'Udeleženec',
    projector: 'Stenski zaslon',
  },
  workshop: {
    loading: 'Odpiranje delavnice …',
    invalidLink: {
      title: 'Ta povezava je neveljavna ali je potekla',
      body: 'Za novo povezavo prosite moderatorja delavnice.',
    },
    notFound: {
      title: 'Delavnice ni mogoče najti',
      body: 'Ta delavnica ne obstaja ali je bila odstranjena.',
    },
    loadError: {
      title: 'Delavnice ni bilo mogoče odpreti',
      body: 'Strežnik trenutno ni dosegljiv.',
      retry: 'Poskusi znova',
    },
    home: 'Na začetno stran',
  },
  join,
  topBar: {
    home: 'Domača stran Transforme',
    roleBadge: 'Vaša vloga: {{role}}',
    editName: 'Spremenite ime ({{name}})',
    share: 'Deli',
    more: 'Več',
  },
  connection: {
    connected: 'Povezano',
    connecting: 'Povezovanje …',
    reconnecting: 'Ponovno povezovanje …',
    offline: 'Brez povezave',
    connectedHint: 'Vse spremembe so shranjene in sproti deljene.',
    connectingHint: 'Povezovanje z delavnico …',
    reconnectingHint:
      'Povezava z delavnico je bila prekinjena: ponovno povezovanje. Vaše spremembe so medtem shranjene na tej napravi.',
    offlineHint:
      'Brez povezave: vaše spremembe so shranjene na tej napravi in bodo deljene, ko bo povezava spet vzpostavljena.',
  },
  people,
  share: {
    title: 'Delite to delavnico',
    explanation:
      'Kdor ima povezavo, se lahko pridruži s to vlogo. Povezavo za moderatorje hranite zase.',
    participant: 'Udeleženci',
    participantHint: 'Pridružijo se tabli in pišejo kartice.',
    projector: 'Stenski zaslon',
    projectorHint: 'Pogled samo za branje za projektor v prostoru.',
    facilitator: 'Moderatorji',
    facilitatorHint: 'Popoln nadzor: samo za somoderatorje.',
    copy: 'Kopiraj',
    copyLabel: 'Kopiraj povezavo: {{role}}',
    copied: 'Kopirano',
    copyFailed: 'Označite povezavo in jo kopirajte',
    close: 'Zapri',
    loading: 'Nalaganje povezav …',
    loadError: 'Povezav ni bilo mogoče naložiti.',
    reset: {
      intro:
        'Je povezava v napačnih rokah? Ponastavite jo: stara povezava takoj preneha delovati. Kdor se je že pridružil, ostane.',
      button: {
        participant: 'Ponastavi povezavo za udeležence',
        projector: 'Ponastavi povezavo za stenski zaslon',
      },
      confirm: {
        participant:
          'Ponastavim povezavo za udeležence? Stara povezava takoj preneha delovati: z njo se ne more pridružiti nihče več, kdor je še na njej, pa je odklopljen. Kdor se je že pridružil, ostane. Delite novo povezavo (koda QR na steni se posodobi).',
        projector:
          'Ponastavim povezavo za stenski zaslon? Stara povezava takoj preneha delovati in stenski zaslon, odprt z njo, se odklopi: na steni odprite novo povezavo.',
      },
      confirmButton: 'Ponastavi povezavo',
      resetting: 'Ponastavljanje …',
      cancel: 'Obdrži',
      done: {
        participant: 'Nova povezava za udeležence je zgoraj: delite jo znova.',
        projector: 'Nova povezava za stenski zaslon je zgoraj: odprite jo na steni.',
      },
      failed: 'Povezave ni bilo mogoče ponastaviti. Poskusite znova.',
    },
  },
  toolbar: {
    label: 'Orodja table',
    addCard: 'Dodaj kartico',
    addCardHint: 'Dodajte kartico (ali dvokliknite tablo)',
    zoomControls: 'Povečava',
    zoomIn: 'Povečaj',
    zoomOut: 'Pomanjšaj',
    zoomReset: 'Ponastavi povečavo na 100 %',
    zoomLevel: '{{percent}} %',
    fit: 'Prikaži vse kartice na zaslonu',
    fitShort: 'Prilagodi',
  },
  board: {
    label: 'Tabla delavnice',
    emptyTitle: 'Tabla je prazna',
    emptyHint: 'Dvokliknite kjer koli ali uporabite »Dodaj kartico«, da napišete prvo kartico.',
    emptyHintReadOnly: 'Kartice se prikažejo tukaj, takoj ko jih udeleženci napišejo.',
    overview:
      'Pregled {{count}} kartic v obliki blokov. Povečajte (Ctrl in +), da jih preberete in uredite.',
  },
  dragAndDrop: {
    roleDescription: 'premakljivo',
    instructions:
      'Za prijem pritisnite preslednico. Med vlečenjem ga puščične tipke premaknejo na naslednje mesto v tej smeri. Znova pritisnite preslednico, da ga tam spustite, ali Escape za preklic.',
    handle: 'Povleci {{item}}',
    pickedUp: '{{item}} prijet.',
    over: '{{item}} je nad {{zone}}.',
    notOver: '{{item}} ni več nad mestom za spust.',
    dropped: '{{item}} je spuščen na {{zone}}.',
    droppedNowhere: '{{item}} je spuščen zunaj mest za spust: nič se ni spremenilo.',
    cancelled: 'Vlečenje preklicano: {{item}} ostane, kjer je bil.',
  },
  card: {
    roleDescription: 'kartica',
    keyHint: 'Puščice: premakni · Shift+puščica: dlje · Enter: uredi · F2: naslov',
    label: 'Kartica: {{title}}',
    labelWithAuthor: 'Kartica: {{title}}, avtor: {{author}}',
    untitled: 'Kartica brez naslova',
    titlePlaceholder: 'Vpišite naslov …',
    titleLabel: 'Naslov kartice',
    editTitle: 'Uredi naslov',
    bodyPlaceholder: 'Dvokliknite, da dodate podrobnosti',
    bodyLabel: 'Podrobnosti kartice',
    bodyEditorLabel: 'Uredi podrobnosti kartice',
    by: 'avtor: {{author}}',
    actions: 'Dejanja kartice',
    color: 'Barva: {{color}}',
    delete: 'Izbriši kartico',
    done: 'Končano',
  },
  color: {
    yellow: 'Rumena',
    blue: 'Modra',
    green: 'Zelena',
    pink: 'Roza',
    purple: 'Vijolična',
    orange: 'Oranžna',
    gray: 'Siva',
  },
  format: {
    label: 'Oblikovanje besedila',
    bold: 'Krepko',
    italic: 'Ležeče',
    strike: 'Prečrtano',
    heading: 'Naslov',
    bulletList: 'Seznam z oznakami',
    orderedList: 'Oštevilčen seznam',
    blockquote: 'Citat',
  },
  cursor: {
    label: 'Kazalec: {{name}}',
  },
};
