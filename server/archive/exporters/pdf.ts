/**
 * The PDF export: the HTML report printed by headless Chromium (playwright-core) on A4. One browser
 * is launched on the first PDF and reused; at most `maxConcurrent` pages print at once (the others
 * wait their turn); `close()` (server shutdown) closes it. Pages run without JavaScript and without
 * network: the report is self-contained.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Logger } from '../../log';

/** Debian's Chromium (the server's config passes CHROMIUM_PATH). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** What Chromium needs here: running as root in a container, no GPU, no background traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** No browser to print with: the route answers 503. */
export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

/**
 * A footer template with the page number: `label` is the language's "Page {{page}} of {{pages}}"
 * already filled with the two markers below, which become Chromium's page-number fields (escaped
 * text otherwise: the label is a translation, not markup).
 */
export const PAGE_MARKER = '\u0001page\u0001';
export const PAGES_MARKER = '\u0001pages\u0001';

export function pageFooter(label: string): string {
  const text = label
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(PAGE_MARKER, '<span class="pageNumber"></span>')
    .replace(PAGES_MARKER, '<span class="totalPages"></span>');
  // Templates are unstyled by the page: their own font size, or Chromium prints them tiny.
  return `<div style="width:100%;font-size:8pt;font-family:sans-serif;text-align:center;color:#555;">${text}</div>`;
}

export interface PdfPrinterOptions {
  executablePath?: string;
  maxConcurrent?: number;
  log?: Logger;
}

export class PdfPrinter {
  private readonly executablePath: string;
  private readonly maxConcurrent: number;
  private readonly log: Logger | undefined;
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(options: PdfPrinterOptions = {}) {
    this.executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 2);
    this.log = options.log;
  }

  /**
   * The HTML printed as an A4 PDF, tagged (structure for screen readers) with an outline (the
   * headings as bookmarks), and `footer` (a Chromium footer template: page numbers) on every page.
   * Rejects with PdfUnavailableError when Chromium is missing.
   */
  async print(html: string, footer?: string): Promise<Uint8Array> {
    if (this.closed) throw new PdfUnavailableError('the server is shutting down');
    await this.turn();
    try {
      const browser = await this.launch();
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        // Self-contained: nothing may be fetched (a link in a card is text, not a request).
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
          ...(footer
            ? { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer }
            : {}),
        });
        return new Uint8Array(pdf);
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    this.browser ??= this.start().catch((error: unknown) => {
      this.browser = null;
      throw error;
    });
    return this.browser;
  }

  private async start(): Promise<Browser> {
    if (!fs.existsSync(this.executablePath)) {
      throw new PdfUnavailableError(
        `PDF export is not available: Chromium was not found at ${this.executablePath} (set CHROMIUM_PATH)`,
      );
    }
    let browser: Browser;
    try {
      // Loaded on first use: a server that never prints a PDF never loads playwright.
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: this.executablePath,
        args: CHROMIUM_ARGS,
        headless: true,
      });
    } catch (error) {
      this.log?.error({ err: error }, 'could not start Chromium for a PDF export');
      throw new PdfUnavailableError('PDF export is not available: Chromium could not be started');
    }
    // A crashed browser is started again on the next PDF.
    browser.on('disconnected', () => {
      if (this.browser && !this.closed) this.browser = null;
    });
    if (this.closed) {
      await browser.close();
      throw new PdfUnavailableError('the server is shutting down');
    }
    return browser;
  }

  private turn(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    // The slot is handed over by release(), so `running` stays counted.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
