// A fake OpenAI-compatible upstream on loopback for the overhead bench: answers every
// POST .../chat/completions at once with a fixed completion (usage included), GET .../models with 200.
import http from 'node:http';

const port = Number(process.argv[2] || 8796);
const body = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 0, model: 'gpt-4o-mini',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'pong' } }],
  usage: { prompt_tokens: 12, completion_tokens: 1, total_tokens: 13 },
});

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'POST' && req.url.endsWith('/chat/completions')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } else if (req.method === 'GET' && req.url.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":[]}');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`fake upstream on 127.0.0.1:${port}`));
