/**
 * Stringhe italiane. Le chiavi seguono la lingua di riferimento inglese (en.ts); i termini del
 * dominio seguono docs/i18n/glossary-it.md.
 */
import { actionList } from './it/actionList';
import { activityCanvas } from './it/activityCanvas';
import { archive } from './it/archive';
import { boards } from './it/boards';
import { breakouts } from './it/breakouts';
import { capacityMap } from './it/capacityMap';
import { errors } from './it/errors';
import { exportStrings } from './it/exports';
import { facilitation } from './it/facilitation';
import { opportunityBoard } from './it/opportunityBoard';
import { offline } from './it/offline';
import { join, people } from './it/people';
import { privateWriting } from './it/privateWriting';
import { questionnaires } from './it/questionnaires';
import { s3 } from './it/s3';
import { voting } from './it/voting';
import type { Locale } from './types';

export const it: Locale = {
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
    tagline: 'Lavagne condivise in diretta per i workshop di specializzazione intelligente (S3).',
    documentTitle: '{{workshop}} · Transforma',
    language: 'Lingua',
  },
  start: {
    heading: 'Conduci un workshop in cui tutti scrivono sulla stessa lavagna',
    explanation:
      'Crea un workshop, condividi il link e mappa insieme agli altri capacità, opportunità e attività trasformative, in sala o a distanza. Nessun account necessario.',
    formTitle: 'Nuovo workshop',
    titleLabel: 'Titolo del workshop',
    titlePlaceholder: 'es. Servizi digitali per il turismo alpino',
    templateLabel: 'Tipo di workshop',
    submit: 'Crea workshop',
    submitting: 'Creazione…',
    hint: 'Riceverai tre link: per i facilitatori, per i partecipanti e per lo schermo in sala.',
    errors: {
      titleRequired: 'Dai un titolo al workshop.',
      network: 'Il server non è raggiungibile. Controlla la connessione e riprova.',
      generic: 'Non è stato possibile creare il workshop: {{message}}',
    },
    features: {
      live: 'Tutti modificano in diretta',
      noAccounts: 'Accesso con un link, senza account',
      offline: 'Funziona anche quando cade la rete',
    },
  },
  template: {
    edw: 'Workshop di scoperta imprenditoriale (EDW)',
    cedw: 'Workshop interregionale di scoperta imprenditoriale (cEDW)',
    adw: 'Workshop di sviluppo delle azioni (ADW)',
    cadw: 'Workshop interregionale di sviluppo delle azioni (cADW)',
    'self-assessment': 'Autovalutazione della gestione del cluster',
  },
  templateShort: {
    edw: 'EDW',
    cedw: 'cEDW',
    adw: 'ADW',
    cadw: 'cADW',
    'self-assessment': 'Autovalutazione',
  },
  role: {
    facilitator: 'Facilitatore',
    participant: 'Partecipante',
    projector: 'Schermo in sala',
  },
  workshop: {
    loading: 'Apertura del workshop…',
    invalidLink: {
      title: 'Questo link non è valido o è scaduto',
      body: 'Chiedi un nuovo link al facilitatore del workshop.',
    },
    notFound: {
      title: 'Workshop non trovato',
      body: 'Questo workshop non esiste o è stato rimosso.',
    },
    loadError: {
      title: 'Non è stato possibile aprire il workshop',
      body: 'Al momento il server non è raggiungibile.',
      retry: 'Riprova',
    },
    home: 'Vai alla pagina iniziale',
  },
  join,
  topBar: {
    home: 'Home di Transforma',
    roleBadge: 'Il tuo ruolo: {{role}}',
    editName: 'Cambia il tuo nome ({{name}})',
    share: 'Condividi',
    more: 'Altro',
  },
  connection: {
    connected: 'Connesso',
    connecting: 'Connessione…',
    reconnecting: 'Riconnessione…',
    offline: 'Offline',
    connectedHint: 'Tutte le modifiche sono salvate e condivise in diretta.',
    connectingHint: 'Connessione al workshop…',
    reconnectingHint:
      'La connessione al workshop si è interrotta: riconnessione in corso. Nel frattempo le tue modifiche restano su questo dispositivo.',
    offlineHint:
      'Offline: le tue modifiche restano su questo dispositivo e vengono condivise quando torna la connessione.',
  },
  people,
  share: {
    title: 'Condividi questo workshop',
    explanation:
      'Chiunque abbia un link può entrare con quel ruolo. Tieni riservato il link per i facilitatori.',
    participant: 'Partecipanti',
    participantHint: 'Entrano nella lavagna e scrivono schede.',
    projector: 'Schermo in sala',
    projectorHint: 'Vista di sola lettura per il proiettore in sala.',
    facilitator: 'Facilitatori',
    facilitatorHint: 'Controllo completo: solo per i co-facilitatori.',
    copy: 'Copia',
    copyLabel: 'Copia il link {{role}}',
    copied: 'Copiato',
    copyFailed: 'Seleziona il link e copialo',
    close: 'Chiudi',
    loading: 'Caricamento dei link…',
    loadError: 'Non è stato possibile caricare i link.',
    reset: {
      intro:
        'Un link è finito nelle mani sbagliate? Reimpostalo: il vecchio link smette subito di funzionare. Chi è già entrato resta.',
      button: {
        participant: 'Reimposta il link partecipanti',
        projector: 'Reimposta il link dello schermo',
      },
      confirm: {
        participant:
          'Reimpostare il link per i partecipanti? Il vecchio link smette subito di funzionare: nessuno può più usarlo per entrare e chi è ancora collegato con esso viene disconnesso. Chi è già entrato resta. Condividi il nuovo link (il codice QR sullo schermo si aggiorna).',
        projector:
          'Reimpostare il link dello schermo in sala? Il vecchio link smette subito di funzionare e lo schermo aperto con esso viene disconnesso: apri il nuovo link sullo schermo.',
      },
      confirmButton: 'Reimposta',
      resetting: 'Reimpostazione…',
      cancel: 'Mantieni',
      done: {
        participant: 'Nuovo link per i partecipanti qui sopra: condividilo di nuovo.',
        projector: 'Nuovo link dello schermo qui sopra: aprilo sullo schermo in sala.',
      },
      failed: 'Non è stato possibile reimpostare il link. Riprova.',
    },
  },
  toolbar: {
    label: 'Strumenti della lavagna',
    addCard: 'Aggiungi scheda',
    addCardHint: 'Aggiungi una scheda (o fai doppio clic sulla lavagna)',
    zoomControls: 'Zoom',
    zoomIn: 'Ingrandisci',
    zoomOut: 'Riduci',
    zoomReset: 'Riporta lo zoom al 100%',
    zoomLevel: '{{percent}}%',
    fit: 'Mostra tutte le schede sullo schermo',
    fitShort: 'Adatta',
  },
  board: {
    label: 'Lavagna del workshop',
    emptyTitle: 'La lavagna è vuota',
    emptyHint: 'Fai doppio clic ovunque o usa «Aggiungi scheda» per scrivere la prima scheda.',
    emptyHintReadOnly: 'Le schede compaiono qui appena i partecipanti le scrivono.',
    overview:
      'Panoramica di {{count}} schede, come blocchi. Ingrandisci (Ctrl e +) per leggerle e modificarle.',
  },
  dragAndDrop: {
    roleDescription: 'trascinabile',
    instructions:
      'Per prenderlo, premi Spazio. Durante il trascinamento, i tasti freccia lo portano al posto successivo in quella direzione. Premi di nuovo Spazio per rilasciarlo lì, oppure Esc per annullare.',
    handle: 'Trascina {{item}}',
    pickedUp: '{{item}} preso.',
    over: '{{item}} è sopra {{zone}}.',
    notOver: '{{item}} non è più sopra un posto dove rilasciarlo.',
    dropped: '{{item}} è stato rilasciato su {{zone}}.',
    droppedNowhere:
      '{{item}} è stato rilasciato fuori da ogni posto di rilascio: nulla è cambiato.',
    cancelled: 'Trascinamento annullato: {{item}} resta dov’era.',
  },
  card: {
    roleDescription: 'scheda',
    keyHint: 'Frecce: sposta · Maiusc+Freccia: più lontano · Invio: modifica · F2: titolo',
    label: 'Scheda: {{title}}',
    labelWithAuthor: 'Scheda: {{title}}, di {{author}}',
    untitled: 'Scheda senza titolo',
    titlePlaceholder: 'Scrivi un titolo…',
    titleLabel: 'Titolo della scheda',
    editTitle: 'Modifica il titolo',
    bodyPlaceholder: 'Doppio clic per aggiungere dettagli',
    bodyLabel: 'Dettagli della scheda',
    bodyEditorLabel: 'Modifica i dettagli della scheda',
    by: 'di {{author}}',
    actions: 'Azioni della scheda',
    color: 'Colore: {{color}}',
    delete: 'Elimina scheda',
    done: 'Fatto',
  },
  color: {
    yellow: 'Giallo',
    blue: 'Blu',
    green: 'Verde',
    pink: 'Rosa',
    purple: 'Viola',
    orange: 'Arancione',
    gray: 'Grigio',
  },
  format: {
    label: 'Formattazione del testo',
    bold: 'Grassetto',
    italic: 'Corsivo',
    strike: 'Barrato',
    heading: 'Titolo',
    bulletList: 'Elenco puntato',
    orderedList: 'Elenco numerato',
    blockquote: 'Citazione',
  },
  cursor: {
    label: 'Puntatore di {{name}}',
  },
};
