// Open-loop load at a fixed rate against one target; prints one JSON line of latency percentiles.
// Usage: BENCH_HEADERS='{"h":"v"}' node load.mjs <name> <url> <rate/s> <seconds> <warmupSeconds>
// (headers come from the environment: the internal token is never put in argv)
// Latency is measured per request from the moment it is written to the moment the whole answer
// is read. Loopback only, bounded in count (rate × seconds) and time.
import fs from 'node:fs';
import http from 'node:http';

const [name, url, rateArg, secondsArg, warmupArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const warmup = Number(warmupArg);
const target = new URL(url);
if (target.hostname !== '127.0.0.1') {
  console.error('refusing: the bench only talks to 127.0.0.1');
  process.exit(2);
}
const headers = { 'content-type': 'application/json', ...JSON.parse(process.env.BENCH_HEADERS || '{}') };
const payload = JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 16,
  messages: [{ role: 'user', content: 'ping' }] });
headers['content-length'] = Buffer.byteLength(payload);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function once(record) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200 && process.env.BENCH_SHOW_ERRORS) console.error(Buffer.concat(chunks).toString());
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const overhead = res.headers['x-openclaw-overhead-ms'];
        const upstream = res.headers['x-openclaw-upstream-ms'];
        record(res.statusCode, ms, overhead === undefined ? null : Number(overhead),
          upstream === undefined ? null : Number(upstream), start);
        resolve();
      });
    });
    req.on('error', () => { record(0, null, null, null); resolve(); });
    req.end(payload);
  });
}

// Sends are paced by a 1 ms timer, not a busy loop: on a 2-core machine a spinning load generator
// would take a whole core from the systems under test. Each request's latency is measured from its
// own write, so a send that leaves up to a millisecond late does not bias what is measured.
async function phase(durationSeconds, record) {
  const total = Math.round(rate * durationSeconds);
  const began = process.hrtime.bigint();
  let sent = 0;
  const inflight = [];
  await new Promise((done) => {
    const tick = () => {
      const elapsed = Number(process.hrtime.bigint() - began) / 1e9;
      const due = Math.min(total, Math.floor(elapsed * rate));
      while (sent < due) {
        inflight.push(once(record));
        sent++;
      }
      if (sent >= total) {
        done();
      } else {
        setTimeout(tick, 1);
      }
    };
    tick();
  });
  await Promise.all(inflight);
}

function pct(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
}

await phase(warmup, () => {});
const latencies = [];
const overheads = [];
const upstreams = [];
let errors = 0;
const statuses = {};
// BENCH_DUMP=<directory>: every measured request, in <name>-<rate>.txt, as "sent-at-ms latency overhead upstream", to see when the slow ones happen
const dump = process.env.BENCH_DUMP ? [] : null;
await phase(seconds, (status, ms, overhead, upstream, sentAt) => {
  statuses[status] = (statuses[status] || 0) + 1;
  if (status !== 200) { errors++; return; }
  latencies.push(ms);
  if (dump) dump.push(`${Number(sentAt / 1000n) / 1000} ${ms} ${overhead} ${upstream}`);
  if (overhead !== null) overheads.push(overhead);
  if (upstream !== null) upstreams.push(upstream);
});
latencies.sort((a, b) => a - b);
overheads.sort((a, b) => a - b);
upstreams.sort((a, b) => a - b);
const round = (v) => (v === null ? null : Math.round(v * 1000) / 1000);
console.log(JSON.stringify({ name, rate, requests: latencies.length + errors, errors, statuses,
  p50: round(pct(latencies, 50)), p99: round(pct(latencies, 99)),
  headerOverheadP50: round(pct(overheads, 50)), headerOverheadP99: round(pct(overheads, 99)),
  headerUpstreamP50: round(pct(upstreams, 50)), headerUpstreamP99: round(pct(upstreams, 99)) }));
if (dump && seconds > 0) fs.writeFileSync(`${process.env.BENCH_DUMP}/${name}-${rate}.txt`, dump.join('\n') + '\n');
agent.destroy();
