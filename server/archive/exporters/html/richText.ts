/**
 * A card body (ProseMirror JSON, shared/record/richText.ts) as HTML: the Tiptap starter kit's
 * nodes and marks, everything escaped, links only to http(s) and mailto. Unknown nodes keep their
 * text as a paragraph, so nothing written is lost.
 */
import type { RichText, RichTextNode } from '../../../../shared/record/richText';
import { esc, safeHref } from './escape';

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
};

const MARKS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
};

function textHtml(node: RichTextNode): string {
  let html = esc(node.text ?? '');
  for (const mark of node.marks ?? []) {
    if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) html = `<a href="${esc(href)}">${html}</a>`;
    } else {
      const tag = MARKS[mark.type];
      if (tag) html = `<${tag}>${html}</${tag}>`;
    }
  }
  return html;
}

function nodeHtml(node: RichTextNode): string {
  const inner = () => (node.content ?? []).map(nodeHtml).join('');
  switch (node.type) {
    case 'text':
      return textHtml(node);
    case 'hardBreak':
      return '<br>';
    case 'horizontalRule':
      return '<hr>';
    case 'heading': {
      // Card headings sit under the report's own h3 titles.
      const level = Math.min(6, Math.max(4, 3 + (Number(node.attrs?.level) || 1)));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'codeBlock':
      return `<pre><code>${inner()}</code></pre>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start);
      const attr = Number.isInteger(start) && start > 1 ? ` start="${start}"` : '';
      return `<ol${attr}>${inner()}</ol>`;
    }
    default: {
      const tag = BLOCKS[node.type] ?? 'p';
      return `<${tag}>${inner()}</${tag}>`;
    }
  }
}

/** The body as HTML ('' when empty). */
export function richTextHtml(body: RichText): string {
  return body.doc.content.map(nodeHtml).join('');
}
