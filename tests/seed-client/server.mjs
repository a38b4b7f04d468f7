// The seed's server-side embed API, as the QuickStart describes it (items 1-9
// of embed-api.js): an Express app whose /api/generate-embed-url builds the
// ":nonce ... :time" search parameters, concatenates them with EMBED_PATH,
// signs the whole URL with HMAC-SHA256 keyed by the secret's UTF-8 bytes and
// answers { url }. Written here from that description; configuration comes
// from the environment so the tests can point EMBED_PATH at the local host.
import crypto from 'node:crypto';
import express from 'express';

const app = express();
const EMBED_PATH = process.env.EMBED_PATH;
const EMBED_SECRET = process.env.EMBED_SECRET;
const CLIENT_ID = process.env.CLIENT_ID;
const PORT = Number(process.env.PORT || 3000);
const EMAIL = process.env.EMBED_EMAIL || 'embed.user@example.com';

app.get('/api/generate-embed-url', (req, res) => {
  try {
    const nonce = crypto.randomUUID();
    let searchParams = `?:nonce=${nonce}`;
    searchParams += `&:client_id=${CLIENT_ID}`;
    searchParams += `&:email=${EMAIL}`;
    searchParams += `&:external_user_id=${EMAIL}`;
    searchParams += '&:external_user_team=Sales_Managers';
    searchParams += '&:account_type=Creator';
    searchParams += '&:mode=userbacked';
    searchParams += '&:session_length=600';
    searchParams += `&:time=${Math.floor(new Date().getTime() / 1000)}`;
    const URL_WITH_SEARCH_PARAMS = EMBED_PATH + searchParams;
    const SIGNATURE = crypto
      .createHmac('sha256', Buffer.from(EMBED_SECRET, 'utf8'))
      .update(Buffer.from(URL_WITH_SEARCH_PARAMS, 'utf8'))
      .digest('hex');
    res.status(200).json({ url: URL_WITH_SEARCH_PARAMS + '&:signature=' + SIGNATURE });
  } catch (error) {
    res.status(500).json({ error: String(error) });
  }
});

const server = app.listen(PORT, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
