/**
 * The former draft input, now the one DraftField (same props): kept as a name until its last
 * users (workshop settings, the capacity panel) import DraftField directly.
 */
export { DraftField as DraftInput, type DraftFieldProps as DraftInputProps } from './DraftField';
