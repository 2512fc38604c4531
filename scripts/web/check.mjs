// Loads the web build in headless Chromium (Debian's, driven by playwright-core), waits for
// the atlas's first frame and its complete first screen (the attributes src/platform/page.rs
// sets), and takes a screenshot. With --offline-after, the server is gone before a second
// visit in the same browser profile: the service worker must bring the atlas back.
//
//   node check.mjs URL OUT.png PROFILE_DIR [--second]
import { giveUp, open, waitForAttribute } from "./browser.mjs";

const [url, out, profile, mode] = process.argv.slice(2);
const session = await open(profile);
const { context, page, messages } = session;
const started = Date.now();
try {
  await page.goto(url, { waitUntil: "load", timeout: 60000 });
  const root = page.locator("html");
  await waitForAttribute(page, "data-atlas-settled");
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
  await giveUp(session, "check.mjs", e, out);
}
await context.close();
