// @jsxRuntime automatic
/**
 * A card body (ProseMirror JSON, shared/record/richText.ts) as React elements: the Tiptap starter
 * kit's nodes and marks, text escaped by React, links only to http(s) and mailto. Unknown nodes
 * keep their text as a paragraph, so nothing written is lost.
 */
import type { ReactNode } from 'react';
import type { RichText as RichTextBody, RichTextNode } from '../../../../shared/record/richText';
import { safeHref } from './safeHref';

const BLOCKS = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
} as const;

const MARKS = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
} as const;

function TextNode({ node }: { node: RichTextNode }): ReactNode {
  let content: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) content = <a href={href}>{content}</a>;
    } else if (Object.hasOwn(MARKS, mark.type)) {
      const Tag = MARKS[mark.type as keyof typeof MARKS];
      content = <Tag>{content}</Tag>;
    }
  }
  return content;
}

function Nodes({ nodes }: { nodes: RichTextNode[] | undefined }): ReactNode {
  return (nodes ?? []).map((child, i) => <Node key={i} node={child} />);
}

function Node({ node }: { node: RichTextNode }): ReactNode {
  switch (node.type) {
    case 'text':
      return <TextNode node={node} />;
    case 'hardBreak':
      return <br />;
    case 'horizontalRule':
      return <hr />;
    case 'heading': {
      // Card headings sit under the report's own h3 titles.
      const level = Math.min(6, Math.max(4, 3 + (Number(node.attrs?.level) || 1)));
      const Tag = `h${level}` as 'h4' | 'h5' | 'h6';
      return (
        <Tag>
          <Nodes nodes={node.content} />
        </Tag>
      );
    }
    case 'codeBlock':
      return (
        <pre>
          <code>
            <Nodes nodes={node.content} />
          </code>
        </pre>
      );
    case 'orderedList': {
      const start = Number(node.attrs?.start);
      return (
        <ol start={Number.isInteger(start) && start > 1 ? start : undefined}>
          <Nodes nodes={node.content} />
        </ol>
      );
    }
    default: {
      const Tag = Object.hasOwn(BLOCKS, node.type) ? BLOCKS[node.type as keyof typeof BLOCKS] : 'p';
      return (
        <Tag>
          <Nodes nodes={node.content} />
        </Tag>
      );
    }
  }
}

/** The body's blocks (nothing when empty). */
export function RichText({ body }: { body: RichTextBody }): ReactNode {
  return <Nodes nodes={body.doc.content} />;
}
