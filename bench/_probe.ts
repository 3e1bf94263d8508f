import { resolve } from 'node:path';
import { startServer } from '../e2e/server.ts';
import { benchCases } from './e2e/cases.ts';
import { ChromiumBrowser } from './e2e/chromium-browser.ts';

const server = await startServer();
const b = await ChromiumBrowser.launch('new', resolve('dist/chrome'));
const cases = await benchCases();
const ctx = (b as any).contexts;
for (const id of process.argv.slice(2)) {
  const c = cases.find((x) => x.id === id)!;
  await b.prepare(c, server);
  for (let i = 0; i < 4; i++) {
    const r = await b.run(c, server);
    const marks = (await ctx.allMarks()).filter((m: any) => m.at >= 0).sort((a: any, b: any) => a.at - b.at);
    const t0 = marks.find((m: any) => m.stage === 'click')?.at ?? marks[0]?.at;
    console.log(
      id,
      Math.round(r.totalMs),
      r.state,
      marks
        .filter((m: any) => m.at >= t0 - 1)
        .map((m: any) => `${m.where[0]}:${m.stage}@${Math.round(m.at - t0)}`)
        .join(' '),
    );
    await new Promise((res) => setTimeout(res, 700));
  }
}
await b.close();
await server.close();
