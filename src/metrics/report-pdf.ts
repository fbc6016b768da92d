import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { Problem } from '../server/problem.ts';

// A printable page turned into a PDF by headless Chromium (CHROMIUM_PATH, else the Debian
// package's /usr/bin/chromium). One at a time: each Chromium takes a few hundred MB.

const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let queue: Promise<unknown> = Promise.resolve();

export function htmlToPdf(html: string): Promise<Buffer> {
  const run = async () => {
    if (!existsSync(chromiumPath())) {
      throw new Problem(503, 'PDF unavailable', `Making a PDF needs Chromium at ${chromiumPath()} (apt-get install chromium, or set CHROMIUM_PATH); the HTML report prints from any browser.`);
    }
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      // The page carries everything it shows (charts are inline SVG): nothing is fetched.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await browser.close();
    }
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}
