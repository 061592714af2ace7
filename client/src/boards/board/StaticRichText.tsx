/**
 * A card body rendered straight from its Y.XmlFragment (the Tiptap / ProseMirror document), without
 * an editor: cheap enough for thousands of cards. Re-renders when anything inside the body changes.
 */
import { memo, type ReactNode } from 'react';
import * as Y from 'yjs';
import { useYValue } from '@client/sync/useY';
import { safeHref } from '@client/lib/safeHref';

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

/** Inner to outer: code sits closest to the text, a link outermost. */
const MARK_ORDER = ['code', 'bold', 'italic', 'underline', 'strike', 'link'] as const;
type MarkName = (typeof MARK_ORDER)[number];

/** y-prosemirror may suffix overlapping marks as `name--hash`. */
const markName = (key: string) => key.split('--')[0] ?? key;

function wrapMark(mark: MarkName, value: unknown, child: ReactNode, key: string): ReactNode {
  switch (mark) {
    case 'bold':
      return <strong key={key}>{child}</strong>;
    case 'italic':
      return <em key={key}>{child}</em>;
    case 'underline':
      return <u key={key}>{child}</u>;
    case 'strike':
      return <s key={key}>{child}</s>;
    case 'code':
      return <code key={key}>{child}</code>;
    case 'link': {
      const href = safeHref((value as { href?: unknown } | null)?.href);
      return href ? (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow">
          {child}
        </a>
      ) : (
        child
      );
    }
  }
}

function renderText(text: Y.XmlText, key: string): ReactNode[] {
  const delta = text.toDelta() as DeltaOp[];
  return delta.map((op, i) => {
    if (typeof op.insert !== 'string') return null;
    const marks = new Map<MarkName, unknown>();
    for (const [name, value] of Object.entries(op.attributes ?? {})) {
      const mark = markName(name) as MarkName;
      if ((MARK_ORDER as readonly string[]).includes(mark)) marks.set(mark, value);
    }
    let node: ReactNode = op.insert;
    for (const mark of MARK_ORDER) {
      if (marks.has(mark)) node = wrapMark(mark, marks.get(mark), node, `${key}.${i}.${mark}`);
    }
    return <span key={`${key}.${i}`}>{node}</span>;
  });
}

function renderChildren(parent: Y.XmlFragment | Y.XmlElement, key: string): ReactNode[] {
  return parent.toArray().map((child, i) => renderNode(child, `${key}.${i}`));
}

function renderNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook, key: string): ReactNode {
  if (node instanceof Y.XmlText) return renderText(node, key);
  if (!(node instanceof Y.XmlElement)) return null;
  const children = renderChildren(node, key);
  switch (node.nodeName) {
    case 'paragraph':
      return <p key={key}>{children.length > 0 ? children : <br />}</p>;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 1));
      const Tag = `h${level}` as 'h1';
      return <Tag key={key}>{children}</Tag>;
    }
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList': {
      const start = Number(node.getAttribute('start')) || 1;
      return (
        <ol key={key} start={start}>
          {children}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{children}</code>
        </pre>
      );
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    default:
      return <div key={key}>{children}</div>;
  }
}

/** True when the body holds no text and no rule (an empty paragraph counts as empty). */
export function isBodyEmpty(body: Y.XmlFragment): boolean {
  if (body.length === 0) return true;
  const only = body.length === 1 ? body.get(0) : null;
  return only instanceof Y.XmlElement && only.nodeName === 'paragraph' && only.length === 0;
}

const renderBody = (body: Y.XmlFragment) => (isBodyEmpty(body) ? null : renderChildren(body, 'n'));

interface StaticRichTextProps {
  body: Y.XmlFragment;
  placeholder?: string;
}

export const StaticRichText = memo(function StaticRichText({
  body,
  placeholder,
}: StaticRichTextProps) {
  const content = useYValue(body, renderBody, { deep: true });
  if (!content) {
    return placeholder ? <p className="rich-text__placeholder">{placeholder}</p> : null;
  }
  return <div className="rich-text">{content}</div>;
});
