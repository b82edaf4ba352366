import { loadInChromium } from "./helpers/chromium.ts";
Deno.test("probe negative", async () => {
  const dir = await Deno.makeTempDir({ dir: "/tmp" });
  await Deno.writeTextFile(`${dir}/a.html`, `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body><img src="x.png"><script>console.error("boom")</script><p>hi</p></body></html>`);
  await Deno.writeTextFile(`${dir}/b.html`, `<!DOCTYPE html><html><body><img src="missing.png"><script>console.error("boom"); throw new Error("bad")</script></body></html>`);
  await Deno.mkdir(`${dir}/p1`); await Deno.mkdir(`${dir}/p2`);
  const a = await loadInChromium(`file://${dir}/a.html`, "document.body.innerText", `${dir}/p1`);
  console.log({ ...a, screenshot: 0 });
  const b = await loadInChromium(`file://${dir}/b.html`, "document.body.innerText", `${dir}/p2`);
  console.log({ ...b, screenshot: 0 });
  await Deno.remove(dir, { recursive: true });
});
