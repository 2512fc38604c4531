// Loads the web build in headless Chromium (Debian's, driven by playwright-core), waits for
// the atlas's first frame and its complete first screen (the attributes src/platform/page.rs
// sets), and takes a screenshot. With --offline-after, the server is gone before a second
// visit in the same browser profile: the service worker must bring the atlas back.
//
//   node check.mjs URL OUT.png PROFILE_DIR [--second]
import { open } from "./browser.mjs";

const [url, out, profile, mode] = process.argv.slice(2);
const { context, page, messages } = await open(profile);
const started = Date.now();
try {
  await page.goto(url, { waitUntil: "load", timeout: 60000 });
  const root = page.locator("html");
  await page.waitForFunction(() => document.documentElement.hasAttribute("data-atlas-settled"), null, {
    timeout: 120000,
  });
  const first = await root.getAttribute("data-atlas-first-frame");
  const settled = await root.getAttribute("data-atlas-settled");
  // The service worker has the files once it is active: wait for that on the first visit.
  const controlled = await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return false;
    await navigator.serviceWorker.ready;
    return true;
  });
  await page.screenshot({ path: out });
  console.log(
    JSON.stringify({ mode: mode || "first", first_frame_ms: Number(first), settled_ms: Number(settled),
      wall_ms: Date.now() - started, service_worker: controlled }),
  );
} catch (e) {
  console.error(`check.mjs: ${e}`);
  for (const m of messages) console.error(`  ${m}`);
  await page.screenshot({ path: out }).catch(() => {});
  await context.close();
  process.exit(1);
}
await context.close();
