/**
 * Slots for what the workshop page lays over board cards: boards render them where they belong on a
 * card or in a list, and know nothing of what fills them. Facilitation fills them today (a vote's
 * rank badge, this person's vote dots) through <CardAdornmentsContext> in workshop/WorkshopPage.tsx,
 * so boards/ never imports facilitation/ (docs/architecture.md). Without a provider they render
 * nothing.
 */
import { createContext, use, type ComponentType } from 'react';
import type * as Y from 'yjs';

export interface CardAdornmentProps {
  cardId: string;
  /** The card's title, for labels ("Give a dot to …"). */
  title: string;
  doc: Y.Doc;
  /** `card`: compact, on a board card; `row`: a full-width line (lists, panels). */
  variant?: 'card' | 'row';
}

export interface CardAdornments {
  /** Next to the card's title (e.g. its rank once a vote is revealed). */
  badge?: ComponentType<CardAdornmentProps>;
  /** Below the card's content (e.g. this person's dots in the running vote). */
  controls?: ComponentType<CardAdornmentProps>;
}

export const CardAdornmentsContext = createContext<CardAdornments>({});

export function CardBadge(props: CardAdornmentProps) {
  const Badge = use(CardAdornmentsContext).badge;
  return Badge ? <Badge {...props} /> : null;
}

export function CardControls(props: CardAdornmentProps) {
  const Controls = use(CardAdornmentsContext).controls;
  return Controls ? <Controls {...props} /> : null;
}
