// The user's library in the browser, as a teacher and a student use it (run by
// scripts/check_web.sh; the clicks are at the places of the buttons on a 1024x768 page):
//
//   node library.mjs URL PROFILE add OUT.png           drop this week's article on the page and
//                                                      add it ("Hinzufügen"), then a CSV of
//                                                      meetings, imported as a layer
//   node library.mjs URL PROFILE share OUT.png PACK    share the library as a lesson: the .atlas
//                                                      arrives as a download, saved to PACK
//   node library.mjs URL PROFILE open OUT.png PACK     drop PACK on the page: its article is
//                                                      taken into this browser's library
//   node library.mjs URL PROFILE count OUT.png         open the atlas again, then a second tab,
//                                                      which must find the library read-only
//
// Each prints {"mode", "own_articles", "layers"}: what the page says its library holds, read
// from the page's storage (IndexedDB) when it opened.
import fs from "node:fs";
import { giveUp, open, waitForAttribute } from "./browser.mjs";

const [url, profile, mode, out, pack] = process.argv.slice(2);
const session = await open(profile);
const { context, page, messages } = session;
const article = [
  "title: Gespräche in Nairobi",
  "date: 2026-11-30",
  "source: Klassenzeitung",
  "",
  "Die Delegationen trafen sich in Nairobi. Später reisten sie nach Astana weiter,",
  "wo Kasachstan die Gespräche fortsetzen will.",
].join("\n");
const meetings = [
  "name,latitude,longitude,date,title",
  "Nairobi,-1.286,36.817,2024-05-01,Treffen in Nairobi",
  "Genf,46.2,6.15,2023-03-02,Gespräch in Genf",
  "Addis Abeba,9.03,38.74,2022-07-09,Gipfel in Addis Abeba",
].join("\n");
// Drops a file (text, or bytes as an array of numbers) on the atlas, as from the desktop.
const drop = (name, content) =>
  page.evaluate(([name, content]) => {
    const data = new DataTransfer();
    const body = typeof content === "string" ? content : new Uint8Array(content);
    data.items.add(new File([body], name));
    const canvas = document.getElementById("atlas");
    for (const type of ["dragenter", "dragover", "drop"]) {
      canvas.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }
  }, [name, content]);
const attr = (name) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
try {
  await page.goto(url, { waitUntil: "load", timeout: 60000 });
  await waitForAttribute(page, "data-atlas-settled");
  if (mode === "add") {
    // The longest gap between two frames while the article is added (the first one loads the
    // world gazetteer, in the frame: the browser has no threads).
    await page.evaluate(() => {
      window.atlasLongestFrame = 0;
      let last = performance.now();
      const tick = (now) => {
        window.atlasLongestFrame = Math.max(window.atlasLongestFrame, now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await drop("nairobi.txt", article);
    // The form "Artikel hinzufügen" with the article's title and date read from its header;
    // its button "Hinzufügen" sits at the same place on a 1024x768 page every time.
    await page.waitForTimeout(1500);
    await page.mouse.click(288, 529);
    await waitForAttribute(page, "data-atlas-own-articles", "1", 30000);
    await page.waitForTimeout(1000);
    const longest = await page.evaluate(() => Math.round(window.atlasLongestFrame));
    console.error(`library.mjs: longest frame while adding: ${longest} ms`);
    // Then a dataset: a CSV with coordinates, dropped, recognised, imported as a layer
    // ("Importieren" in the dataset dialog).
    await drop("treffen.csv", meetings);
    await page.waitForTimeout(1500);
    await page.mouse.click(251, 651);
    await waitForAttribute(page, "data-atlas-layers", "1", 30000);
    await page.waitForTimeout(500);
    await page.screenshot({ path: out });
  } else if (mode === "share") {
    // "Als Lektion weitergeben …" under the own articles, then "Speichern": a download.
    await page.mouse.click(733, 169);
    await page.waitForTimeout(1000);
    const download = page.waitForEvent("download", { timeout: 30000 });
    await page.mouse.click(392, 465);
    const file = await download;
    await file.saveAs(pack);
    console.error(`library.mjs: downloaded ${file.suggestedFilename()}`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: out });
  } else if (mode === "open") {
    await drop("lektion.atlas", [...fs.readFileSync(pack)]);
    await waitForAttribute(page, "data-atlas-own-articles", "1", 30000);
    await page.waitForTimeout(500);
    await page.screenshot({ path: out });
  } else {
    // The layers are read in after the first screen: give them a moment.
    await waitForAttribute(page, "data-atlas-layers", "1", 15000).catch(() => {});
    // A second tab of the same browser finds the library taken: it reads, never writes.
    const second = await context.newPage();
    await second.goto(url, { waitUntil: "load", timeout: 60000 });
    await waitForAttribute(second, "data-atlas-library");
    await second.waitForTimeout(500);
    const tabs = {
      first: await attr("data-atlas-library"),
      first_articles: await attr("data-atlas-own-articles"),
      second: await second.evaluate(() => document.documentElement.getAttribute("data-atlas-library")),
      second_articles: await second.evaluate(() => document.documentElement.getAttribute("data-atlas-own-articles")),
    };
    console.error(`library.mjs: two tabs: ${JSON.stringify(tabs)}`);
    if (tabs.first !== "writable" || tabs.second !== "read-only" || tabs.second_articles !== tabs.first_articles) {
      throw new Error(`two tabs: ${JSON.stringify(tabs)}`);
    }
    await second.screenshot({ path: out.replace(/\.png$/, "-second-tab.png") });
    await page.screenshot({ path: out });
  }
  console.log(JSON.stringify({
    mode, own_articles: await attr("data-atlas-own-articles"), layers: await attr("data-atlas-layers"),
  }));
} catch (e) {
  await giveUp(session, "library.mjs", e, out);
}
for (const m of messages) if (/error|panic/i.test(m)) console.error(`  ${m}`);
await context.close();
