// Turns a results .jsonl of run.sh into the overhead table (gateway minus direct, same rate).
import fs from 'node:fs';

const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const byRate = {};
for (const r of rows) (byRate[r.rate] ??= {})[r.name] = r;
const f = (v) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));
console.log('| rate (req/s) | direct p50 / p99 (ms) | llm-router overhead p50 / p99 (ms) | Portkey overhead p50 / p99 (ms) | router self-reported overhead p50 / p99 (ms) | router upstream wait p50 / p99 (ms) | errors (router / Portkey) |');
console.log('|---|---|---|---|---|---|---|');
for (const rate of Object.keys(byRate).map(Number).sort((a, b) => a - b)) {
  const d = byRate[rate].direct, r = byRate[rate]['llm-router'], p = byRate[rate].portkey;
  const over = (x, k) => (x && d && x[k] !== null ? x[k] - d[k] : null);
  console.log(`| ${rate} | ${f(d?.p50)} / ${f(d?.p99)} | ${f(over(r, 'p50'))} / ${f(over(r, 'p99'))} | ${f(over(p, 'p50'))} / ${f(over(p, 'p99'))} | ${f(r?.headerOverheadP50)} / ${f(r?.headerOverheadP99)} | ${f(r?.headerUpstreamP50)} / ${f(r?.headerUpstreamP99)} | ${r?.errors ?? 'n/a'} / ${p?.errors ?? 'n/a'} |`);
}
