/** Ce qu’on lit quand le serveur refuse quelque chose : un message par code de shared/errors/serverErrors.ts. */
import type { LocalePart } from '../types';

export const errors: LocalePart<'errors'> = {
  missingToken: 'Ce lien n’a pas de clé d’accès. Ouvrez le lien complet que vous avez reçu.',
  invalidToken: 'Ce lien est invalide ou a expiré. Demandez un nouveau lien à l’animateur.',
  noSuchWorkshop: 'Cet atelier n’existe pas ou a été supprimé.',
  missingOrganiserToken: 'Saisissez le jeton organisateur.',
  invalidOrganiserToken: 'Ce jeton organisateur n’est pas valide.',
  facilitatorsOnly: 'Seuls les animateurs peuvent faire cela.',
  linksFromFacilitatorLink: 'Ouvrez le lien animateur pour partager cet atelier.',
  alreadyJoined: 'Vous avez déjà rejoint cet atelier.',
  wallDoesNotJoin: 'L’écran mural ne rejoint pas l’atelier en tant que personne.',
  joinFirst: 'Rejoignez d’abord l’atelier.',
  noSuchPerson: 'Cette personne ne fait plus partie de l’atelier.',
  removed: 'Vous avez été retiré de cet atelier. Demandez à l’animateur de vous réadmettre.',
  cannotRemoveYourself: 'Vous ne pouvez pas vous retirer vous-même.',
  adwFromEdw: 'Un atelier de développement d’actions part d’un EDW ou d’un cEDW.',
  recordInvalid: 'L’atelier ne peut pas être exporté dans son état actuel.',
  pdfUnavailable:
    'L’export PDF n’est pas disponible sur ce serveur. Les autres formats fonctionnent.',
  busyTryAgain: 'D’autres personnes ont modifié l’atelier en même temps. Réessayez.',
  tooManyRequests: 'Trop de requêtes. Patientez un instant et réessayez.',
  voteNotRunning: 'Ce vote n’est plus en cours.',
  cardNotInVote: 'Cette carte ne fait pas partie du vote.',
  noDotsLeft: 'Vous n’avez plus de gommettes.',
  noDotToTakeBack: 'Vous n’avez pas de gommette sur cette carte.',
  roundNotOpen: 'La manche d’écriture individuelle est close.',
  notYourDraft: 'Cette idée n’est pas la vôtre.',
  timerNotRunning: 'Le minuteur n’est pas lancé.',
  timerNotPaused: 'Le minuteur n’est pas en pause.',
  questionnaireNotOpen: 'Ce questionnaire n’est pas ouvert.',
  questionnaireNotForYou: 'Ce questionnaire ne vous est pas destiné.',
  noSuchQuestionnaire: 'Ce questionnaire n’existe plus.',
  answersHeldUntilReveal:
    'Vos réponses sont enregistrées en privé jusqu’à ce que l’animateur les révèle.',
  anonymousAnswersFixed: 'Les réponses anonymes ne peuvent pas être modifiées.',
  questionAlreadyAnswered:
    'Quelqu’un a déjà répondu à cette question : changez son sens ou supprimez-la après la révélation.',
  invalidInput: 'Le serveur n’a pas accepté ceci : {{detail}}',
  timeout: 'Le serveur n’a pas répondu à temps. Vérifiez votre connexion et réessayez.',
  server: 'Une erreur s’est produite sur le serveur. Réessayez.',
};
