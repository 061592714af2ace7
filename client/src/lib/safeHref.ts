/**
 * A link target that is safe to render from shared data: any peer can write any string into the
 * doc, so only http(s), mailto and tel URLs become links (never `javascript:` or `data:`).
 */
export function safeHref(
  value: unknown,
  base: string = (globalThis as { location?: { href: string } }).location?.href ??
    'http://localhost/',
): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value, base);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
