/** Was man liest, wenn der Server etwas ablehnt: eine Meldung je Code aus shared/errors/serverErrors.ts. */
import type { LocalePart } from '../types';

export const errors: LocalePart<'errors'> = {
  missingToken:
    'Diesem Link fehlt der Zugangsschlüssel. Öffnen Sie den vollständigen Link, den Sie erhalten haben.',
  invalidToken:
    'Dieser Link ist ungültig oder abgelaufen. Bitten Sie die Moderation um einen neuen Link.',
  noSuchWorkshop: 'Diesen Workshop gibt es nicht, oder er wurde entfernt.',
  missingOrganiserToken: 'Geben Sie das Organisator-Token ein.',
  invalidOrganiserToken: 'Dieses Organisator-Token ist nicht gültig.',
  facilitatorsOnly: 'Das kann nur die Moderation.',
  linksFromFacilitatorLink: 'Öffnen Sie den Moderationslink, um diesen Workshop zu teilen.',
  alreadyJoined: 'Sie sind diesem Workshop bereits beigetreten.',
  wallDoesNotJoin: 'Die Leinwand tritt nicht als Person bei.',
  joinFirst: 'Treten Sie zuerst dem Workshop bei.',
  noSuchPerson: 'Diese Person ist nicht mehr im Workshop.',
  removed:
    'Sie wurden aus diesem Workshop entfernt. Bitten Sie die Moderation, Sie wieder zuzulassen.',
  cannotRemoveYourself: 'Sie können sich nicht selbst entfernen.',
  adwFromEdw: 'Ein Workshop zur Maßnahmenentwicklung beginnt mit einem EDW oder cEDW.',
  pdfUnavailable:
    'Der PDF-Export ist auf diesem Server nicht verfügbar. Die anderen Formate funktionieren.',
  recordInvalid: 'Der Workshop kann in seinem jetzigen Zustand nicht exportiert werden.',
  busyTryAgain: 'Andere haben den Workshop gleichzeitig geändert. Versuchen Sie es erneut.',
  tooManyRequests: 'Zu viele Anfragen. Warten Sie einen Moment und versuchen Sie es erneut.',
  voteNotRunning: 'Diese Abstimmung läuft nicht mehr.',
  cardNotInVote: 'Diese Karte gehört nicht zur Abstimmung.',
  noDotsLeft: 'Sie haben keine Punkte mehr.',
  noDotToTakeBack: 'Auf dieser Karte liegt kein Punkt von Ihnen.',
  roundNotOpen: 'Die Runde des stillen Schreibens ist geschlossen.',
  notYourDraft: 'Diese Idee ist nicht von Ihnen.',
  timerNotRunning: 'Der Timer läuft nicht.',
  timerNotPaused: 'Der Timer ist nicht angehalten.',
  questionnaireNotOpen: 'Dieser Fragebogen ist nicht geöffnet.',
  questionnaireNotForYou: 'Dieser Fragebogen ist nicht für Sie bestimmt.',
  noSuchQuestionnaire: 'Diesen Fragebogen gibt es nicht mehr.',
  answersHeldUntilReveal:
    'Ihre Antworten werden privat gespeichert, bis die Moderation sie aufdeckt.',
  anonymousAnswersFixed: 'Anonyme Antworten können nicht geändert werden.',
  questionAlreadyAnswered:
    'Diese Frage wurde schon beantwortet: Ändern Sie ihre Bedeutung oder entfernen Sie sie nach dem Aufdecken.',
  invalidInput: 'Der Server hat dies nicht angenommen: {{detail}}',
  timeout:
    'Der Server hat nicht rechtzeitig geantwortet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  server: 'Auf dem Server ist ein Fehler aufgetreten. Versuchen Sie es erneut.',
};
