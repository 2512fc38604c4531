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
