import puppeteer from 'puppeteer-core';
import { FIREFOX } from '../tests/e2e/firefox-helpers';
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
await browser.installExtension('/tmp/stx');
await new Promise((r) => setTimeout(r, 2000));
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (r) => void (r.url().startsWith('https://news.ycombinator.com/') ? r.respond({ status: 200, contentType: 'text/html', body: '<p>x</p>' }) : r.abort()));
  await page.goto('https://news.ycombinator.com/');
  await page.waitForFunction(() => document.documentElement.dataset.stx, { timeout: 20000 });
  console.log(await page.evaluate(() => document.documentElement.dataset.stx));
  await page.close();
}
await browser.close();
