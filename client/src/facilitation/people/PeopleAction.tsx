/**
 * A person's action button in the people panel (lower a hand, let back in): a ghost button whose
 * accessible name says whom it acts on, sending one people command.
 */
import type { PeopleCommand } from '@shared/control/people';

interface PeopleActionProps {
  /** The accessible name, with the person's name in it. */
  label: string;
  text: string;
  testId: string;
  command: PeopleCommand;
  onCommand: (command: PeopleCommand) => void;
}

export function PeopleAction({ label, text, testId, command, onCommand }: PeopleActionProps) {
  return (
    <button
      type="button"
      className="button button--ghost people-action"
      data-testid={testId}
      aria-label={label}
      onClick={() => onCommand(command)}
    >
      {text}
    </button>
  );
}
