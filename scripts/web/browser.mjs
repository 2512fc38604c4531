// The browser the web checks drive: Debian's Chromium, headless, with SwiftShader for WebGL2,
// at 1024x768 in German, in a profile of its own (kept between runs of the same check: the
// service worker and the page's storage live there). Collects what the page logs.
import { chromium } from "playwright-core";

export async function open(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1024, height: 768 },
    locale: "de-DE",
    args: [
      "--no-sandbox", "--enable-unsafe-swiftshader", "--use-angle=swiftshader", "--ignore-gpu-blocklist",
      "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const messages = [];
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`pageerror: ${e}`));
  return { context, page, messages };
}

// Waits until the page's root element has attribute `name` (set by src/platform/page.rs),
// with `value` when one is given.
export function waitForAttribute(page, name, value, timeout = 120000) {
  return page.waitForFunction(
    ([n, v]) => {
      const root = document.documentElement;
      return v === undefined ? root.hasAttribute(n) : root.getAttribute(n) === v;
    },
    [name, value],
    { timeout },
  );
}

// Ends a check that failed: says why with everything the page logged, keeps a screenshot of
// how the page looked, and exits with 1.
export async function giveUp({ context, page, messages }, script, error, shot) {
  console.error(`${script}: ${error}`);
  for (const m of messages) console.error(`  ${m}`);
  await page.screenshot({ path: shot }).catch(() => {});
  await context.close();
  process.exit(1);
}
