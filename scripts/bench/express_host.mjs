// The reference host for the bench: Express verifying Sigma classic URLs the
// way the seed's algorithm implies (HMAC-SHA256 over the whole received URL
// minus "&:signature=", hex, constant-time compare; expiry; single-use nonce).
// Prints "listening on http://127.0.0.1:PORT".
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../tests/seed-client/package.json'));
const express = require('express');

const secret = Buffer.from(process.env.BENCH_SECRET, 'utf8');
const used = new Set();
const app = express();

app.get('/embed/:id', (req, res) => {
  const url = `http://${req.headers.host}${req.originalUrl}`;
  const cut = url.lastIndexOf('&:signature=');
  if (cut < 0) return res.status(403).send('Invalid embed signature.');
  const expected = crypto.createHmac('sha256', secret).update(url.slice(0, cut), 'utf8').digest();
  const given = Buffer.from(url.slice(cut + 12), 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return res.status(403).send('Invalid embed signature.');
  const q = req.query;
  if (Number(q[':time']) + Number(q[':session_length']) < Date.now() / 1000) return res.status(403).send('Sigma embed is expired.');
  if (used.has(q[':nonce'])) return res.status(400).send('EINVAL');
  used.add(q[':nonce']);
  res.status(200).send(`<!doctype html><p>Signed in as ${String(q[':email']).replace(/[<&>"]/g, '')}</p>`);
});

const server = app.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
