/**
 * Chaînes françaises. Les clés suivent la locale de référence anglaise (en.ts) ; les termes du
 * domaine suivent docs/i18n/glossary-fr.md.
 */
import { actionList } from './fr/actionList';
import { activityCanvas } from './fr/activityCanvas';
import { archive } from './fr/archive';
import { boards } from './fr/boards';
import { breakouts } from './fr/breakouts';
import { capacityMap } from './fr/capacityMap';
import { errors } from './fr/errors';
import { exportStrings } from './fr/exports';
import { facilitation } from './fr/facilitation';
import { opportunityBoard } from './fr/opportunityBoard';
import { offline } from './fr/offline';
import { join, people } from './fr/people';
import { privateWriting } from './fr/privateWriting';
import { questionnaires } from './fr/questionnaires';
import { s3 } from './fr/s3';
import { voting } from './fr/voting';
import type { Locale } from './types';

export const fr: Locale = {
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
    tagline:
      'Des tableaux partagés en direct pour les ateliers de spécialisation intelligente (S3).',
    documentTitle: '{{workshop}} · Transforma',
    language: 'Langue',
  },
  start: {
    heading: 'Animez un atelier où tout le monde écrit sur le même tableau',
    explanation:
      'Créez un atelier, partagez le lien et recensez ensemble capacités, opportunités et activités transformatrices, en salle ou à distance. Aucun compte nécessaire.',
    formTitle: 'Nouvel atelier',
    titleLabel: 'Titre de l’atelier',
    titlePlaceholder: 'ex. Services numériques pour le tourisme alpin',
    templateLabel: 'Type d’atelier',
    submit: 'Créer l’atelier',
    submitting: 'Création…',
    hint: 'Vous obtiendrez trois liens : pour les animateurs, pour les participants et pour l’écran mural.',
    errors: {
      titleRequired: 'Donnez un titre à l’atelier.',
      network: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
      generic: 'L’atelier n’a pas pu être créé : {{message}}',
    },
    features: {
      live: 'Tout le monde modifie en direct',
      noAccounts: 'Accès par lien, sans compte',
      offline: 'Continue de fonctionner hors connexion',
    },
  },
  template: {
    edw: 'Atelier de découverte entrepreneuriale (EDW)',
    cedw: 'Atelier interrégional de découverte entrepreneuriale (cEDW)',
    adw: 'Atelier de développement d’actions (ADW)',
    cadw: 'Atelier interrégional de développement d’actions (cADW)',
    'self-assessment': 'Autoévaluation de la gestion de cluster',
  },
  templateShort: {
    edw: 'EDW',
    cedw: 'cEDW',
    adw: 'ADW',
    cadw: 'cADW',
    'self-assessment': 'Autoévaluation',
  },
  role: {
    facilitator: 'Animateur',
    participant: 'Participant',
    projector: 'Écran mural',
  },
  workshop: {
    loading: 'Ouverture de l’atelier…',
    invalidLink: {
      title: 'Ce lien est invalide ou a expiré',
      body: 'Demandez un nouveau lien à l’animateur de l’atelier.',
    },
    notFound: {
      title: 'Atelier introuvable',
      body: 'Cet atelier n’existe pas ou a été supprimé.',
    },
    loadError: {
      title: 'L’atelier n’a pas pu être ouvert',
      body: 'Le serveur est injoignable pour le moment.',
      retry: 'Réessayer',
    },
    home: 'Aller à la page d’accueil',
  },
  join,
  topBar: {
    home: 'Accueil Transforma',
    roleBadge: 'Votre rôle : {{role}}',
    editName: 'Changer de nom ({{name}})',
    share: 'Partager',
    more: 'Plus',
  },
  connection: {
    connected: 'Connecté',
    connecting: 'Connexion…',
    reconnecting: 'Reconnexion…',
    offline: 'Hors ligne',
    connectedHint: 'Toutes les modifications sont enregistrées et partagées en direct.',
    connectingHint: 'Connexion à l’atelier…',
    reconnectingHint:
      'La connexion à l’atelier a été perdue : reconnexion en cours. Vos modifications sont conservées sur cet appareil en attendant.',
    offlineHint:
      'Hors ligne : vos modifications sont conservées sur cet appareil et partagées au retour de la connexion.',
  },
  people,
  share: {
    title: 'Partager cet atelier',
    explanation:
      'Toute personne disposant d’un lien peut rejoindre l’atelier avec le rôle correspondant. Gardez le lien animateur privé.',
    participant: 'Participants',
    participantHint: 'Rejoindre le tableau et écrire des cartes.',
    projector: 'Écran mural',
    projectorHint: 'Vue en lecture seule pour le projecteur de la salle.',
    facilitator: 'Animateurs',
    facilitatorHint: 'Contrôle total : réservé aux co-animateurs.',
    copy: 'Copier',
    copyLabel: 'Copier le lien {{role}}',
    copied: 'Copié',
    copyFailed: 'Sélectionnez le lien et copiez-le',
    close: 'Fermer',
    loading: 'Chargement des liens…',
    loadError: 'Les liens n’ont pas pu être chargés.',
    reset: {
      intro:
        'Un lien entre de mauvaises mains ? Réinitialisez-le : l’ancien lien cesse aussitôt de fonctionner. Les personnes déjà présentes restent.',
      button: {
        participant: 'Réinitialiser le lien participant',
        projector: 'Réinitialiser le lien écran mural',
      },
      confirm: {
        participant:
          'Réinitialiser le lien participant ? L’ancien lien cesse aussitôt de fonctionner : plus personne ne peut l’utiliser pour rejoindre l’atelier, et ceux qui y sont encore connectés sont déconnectés. Les personnes déjà présentes restent. Partagez le nouveau lien (le QR code de l’écran mural suit).',
        projector:
          'Réinitialiser le lien écran mural ? L’ancien lien cesse aussitôt de fonctionner et un écran mural ouvert avec ce lien est déconnecté : ouvrez le nouveau lien sur l’écran mural.',
      },
      confirmButton: 'Réinitialiser',
      resetting: 'Réinitialisation…',
      cancel: 'Garder',
      done: {
        participant: 'Nouveau lien participant ci-dessus : partagez-le de nouveau.',
        projector: 'Nouveau lien écran mural ci-dessus : ouvrez-le sur l’écran mural.',
      },
      failed: 'Le lien n’a pas pu être réinitialisé. Réessayez.',
    },
  },
  toolbar: {
    label: 'Outils du tableau',
    addCard: 'Ajouter une carte',
    addCardHint: 'Ajouter une carte (ou double-cliquer sur le tableau)',
    zoomControls: 'Zoom',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    zoomReset: 'Rétablir le zoom à 100 %',
    zoomLevel: '{{percent}} %',
    fit: 'Afficher toutes les cartes à l’écran',
    fitShort: 'Ajuster',
  },
  board: {
    label: 'Tableau de l’atelier',
    emptyTitle: 'Le tableau est vide',
    emptyHint:
      'Double-cliquez n’importe où ou utilisez « Ajouter une carte » pour écrire la première carte.',
    emptyHintReadOnly: 'Les cartes apparaissent ici dès que les participants les écrivent.',
    overview:
      'Vue d’ensemble de {{count}} cartes, en blocs. Zoomez (Ctrl et +) pour les lire et les modifier.',
  },
  dragAndDrop: {
    roleDescription: 'déplaçable',
    instructions:
      'Pour le saisir, appuyez sur Espace. Pendant le déplacement, les flèches l’amènent à l’emplacement suivant dans cette direction. Appuyez de nouveau sur Espace pour le déposer, ou sur Échap pour annuler.',
    handle: 'Déplacer {{item}}',
    pickedUp: '{{item}} saisi.',
    over: '{{item}} est au-dessus de {{zone}}.',
    notOver: '{{item}} n’est plus au-dessus d’un emplacement de dépôt.',
    dropped: '{{item}} a été déposé sur {{zone}}.',
    droppedNowhere: '{{item}} a été lâché hors de tout emplacement de dépôt : rien n’a changé.',
    cancelled: 'Déplacement annulé : {{item}} reste à sa place.',
  },
  card: {
    roleDescription: 'carte',
    keyHint: 'Flèches : déplacer · Maj+Flèche : plus loin · Entrée : modifier · F2 : titre',
    label: 'Carte : {{title}}',
    labelWithAuthor: 'Carte : {{title}}, par {{author}}',
    untitled: 'Carte sans titre',
    titlePlaceholder: 'Écrivez un titre…',
    titleLabel: 'Titre de la carte',
    editTitle: 'Modifier le titre',
    bodyPlaceholder: 'Double-cliquez pour ajouter des détails',
    bodyLabel: 'Détails de la carte',
    bodyEditorLabel: 'Modifier les détails de la carte',
    by: 'par {{author}}',
    actions: 'Actions de la carte',
    color: 'Couleur : {{color}}',
    delete: 'Supprimer la carte',
    done: 'Terminé',
  },
  color: {
    yellow: 'Jaune',
    blue: 'Bleu',
    green: 'Vert',
    pink: 'Rose',
    purple: 'Violet',
    orange: 'Orange',
    gray: 'Gris',
  },
  format: {
    label: 'Mise en forme du texte',
    bold: 'Gras',
    italic: 'Italique',
    strike: 'Barré',
    heading: 'Titre',
    bulletList: 'Liste à puces',
    orderedList: 'Liste numérotée',
    blockquote: 'Citation',
  },
  cursor: {
    label: 'Pointeur de {{name}}',
  },
};
