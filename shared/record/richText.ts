/**
 * Rich text in a record: a card body (a Tiptap / ProseMirror document in a Y.XmlFragment) kept
 * twice, as plain text for spreadsheets and search, and as ProseMirror JSON (the editor's own
 * document format: `{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text',
 * text, marks }] }] }`) so exports can render headings, lists and links, and an import can write
 * the body back unchanged. Pure: no DOM, no Node APIs.
 */
import * as Y from 'yjs';
import { z } from 'zod';

const nodeName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'not a node name');
const attrValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const attrsSchema = z.record(z.string().max(64), attrValue);

export const richTextMarkSchema = z.object({
  /** bold, italic, underline, strike, code, link, … */
  type: nodeName,
  attrs: attrsSchema.optional(),
});
export type RichTextMark = z.infer<typeof richTextMarkSchema>;

/** One node: an element (`type`, `attrs`, `content`) or a run of text (`type: 'text'`, `text`, `marks`). */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  text?: string;
  marks?: RichTextMark[];
  content?: RichTextNode[];
}

export const richTextNodeSchema: z.ZodType<RichTextNode> = z
  .object({
    type: nodeName,
    attrs: attrsSchema.optional(),
    text: z.string().optional(),
    marks: z.array(richTextMarkSchema).optional(),
    get content() {
      return z.array(richTextNodeSchema).optional();
    },
  })
  .meta({ id: 'RichTextNode' });

export const richTextSchema = z
  .object({
    /** Blocks on separate lines; list items start with "- " or "1. ", quotes with "> ". */
    text: z.string(),
    doc: z.object({ type: z.literal('doc'), content: z.array(richTextNodeSchema) }),
  })
  .meta({ id: 'RichText' });
export type RichText = z.infer<typeof richTextSchema>;

export const EMPTY_RICH_TEXT: RichText = { text: '', doc: { type: 'doc', content: [] } };

/**
 * How deep a body's elements are read (an editor's nested lists stay far below it). A peer can
 * nest elements thousands deep, which would overflow the stack of every recursive reader,
 * validator and exporter; at this depth an element's content is read as one paragraph of its text.
 */
export const RICH_TEXT_MAX_DEPTH = 32;

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

/** A card body as rich text (an empty or missing body gives EMPTY_RICH_TEXT). */
export function readRichText(fragment: Y.XmlFragment | undefined): RichText {
  if (!fragment) return structuredClone(EMPTY_RICH_TEXT);
  const content = readChildren(fragment, 1);
  // A body holding one empty paragraph (what an editor leaves behind) counts as empty.
  const empty = content.length === 1 && content[0]!.type === 'paragraph' && !content[0]!.content;
  const doc = { type: 'doc' as const, content: empty ? [] : content };
  return { text: plainText(doc.content), doc };
}

/** Appends rich text to a (usually empty) body, as the editor would have written it. */
export function writeRichText(fragment: Y.XmlFragment, richText: RichText): void {
  writeChildren(fragment, richText.doc.content);
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement, depth: number): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const node of readText(child)) out.push(node);
    } else if (child instanceof Y.XmlElement) out.push(readElement(child, depth));
  }
  return out;
}

function readElement(element: Y.XmlElement, depth: number): RichTextNode {
  const node: RichTextNode = { type: safeName(element.nodeName) };
  const attrs = primitiveAttrs(element.getAttributes());
  if (attrs) node.attrs = attrs;
  if (depth >= RICH_TEXT_MAX_DEPTH) {
    const text = flatText(element);
    if (text) node.content = [{ type: 'paragraph', content: [{ type: 'text', text }] }];
    return node;
  }
  const content = readChildren(element, depth + 1);
  if (content.length > 0) node.content = content;
  return node;
}

/** Every text run under `element`, in order, walked without recursion (it may be very deep). */
function flatText(element: Y.XmlElement): string {
  const runs: string[] = [];
  const stack: (Y.XmlElement | Y.XmlText)[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) {
      runs.push(
        readText(node)
          .map((run) => run.text ?? '')
          .join(''),
      );
    } else {
      const children = node.toArray();
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child instanceof Y.XmlElement || child instanceof Y.XmlText) stack.push(child);
      }
    }
  }
  return runs.filter((run) => run !== '').join(' ');
}

function readText(text: Y.XmlText): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const node: RichTextNode = { type: 'text', text: op.insert };
    const marks = Object.entries(op.attributes ?? {})
      .map(([key, value]): RichTextMark => {
        // y-prosemirror suffixes overlapping marks of one type as `name--hash`.
        const mark: RichTextMark = { type: safeName(key.split('--')[0] ?? key) };
        const attrs = primitiveAttrs(value);
        if (attrs) mark.attrs = attrs;
        return mark;
      })
      .sort((a, b) => a.type.localeCompare(b.type));
    if (marks.length > 0) node.marks = marks;
    out.push(node);
  }
  return out;
}

function writeChildren(parent: Y.XmlFragment | Y.XmlElement, nodes: RichTextNode[]): void {
  let run: Y.XmlText | null = null;
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!node.text) continue;
      if (!run) {
        run = new Y.XmlText();
        parent.insert(parent.length, [run]);
      }
      const attributes: Record<string, unknown> = {};
      for (const mark of node.marks ?? []) attributes[mark.type] = mark.attrs ?? {};
      run.insert(run.length, node.text, attributes);
      continue;
    }
    run = null;
    const element = new Y.XmlElement<Record<string, string | number | boolean | null>>(node.type);
    parent.insert(parent.length, [element as Y.XmlElement]);
    for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value);
    writeChildren(element, node.content ?? []);
  }
}

/** Plain attribute values only (string, finite number, boolean, null); undefined when none. */
function primitiveAttrs(
  value: unknown,
): Record<string, string | number | boolean | null> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.length > 64) continue;
    if (v === null || ['string', 'boolean'].includes(typeof v) || Number.isFinite(v)) {
      out[key] = v as string | number | boolean | null;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function safeName(name: string): string {
  return nodeName.safeParse(name).success ? name : 'unknown';
}

/* Plain text ------------------------------------------------------------------------------ */

const INLINE_BREAK = 'hardBreak';

function inlineText(nodes: RichTextNode[] | undefined): string {
  return (nodes ?? [])
    .map((n) => (n.type === 'text' ? (n.text ?? '') : n.type === INLINE_BREAK ? '\n' : ''))
    .join('');
}

/** The blocks as lines: list items prefixed "- " (bullets) or "1. " (numbered), quotes "> ". */
function blockLines(node: RichTextNode): string[] {
  switch (node.type) {
    case 'bulletList':
    case 'orderedList': {
      const start = node.type === 'orderedList' ? Number(node.attrs?.start) || 1 : 1;
      return (node.content ?? []).flatMap((item, i) => {
        const marker = node.type === 'orderedList' ? `${start + i}. ` : '- ';
        const lines = (item.content ?? []).flatMap(blockLines);
        return lines.map((line, j) => (j === 0 ? marker : '  ') + line);
      });
    }
    case 'blockquote':
      return (node.content ?? []).flatMap(blockLines).map((line) => `> ${line}`);
    case 'horizontalRule':
      return ['---'];
    case 'text':
      // Text where a block belongs (a list holding text): a peer's doc, or a body cut at the depth limit.
      return inlineText([node]).split('\n');
    default: {
      const children = node.content ?? [];
      const inline = children.every((c) => c.type === 'text' || c.type === INLINE_BREAK);
      return inline ? inlineText(children).split('\n') : children.flatMap(blockLines);
    }
  }
}

function plainText(content: RichTextNode[]): string {
  return content.flatMap(blockLines).join('\n').trimEnd();
}
