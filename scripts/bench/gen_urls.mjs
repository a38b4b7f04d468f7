// Writes COUNT distinct, valid Sigma classic URL paths for the host bench,
// signed for the authority "embed.bench" (wrk sends that Host header to both
// hosts, so the same signed bytes verify on either).
// Usage: node gen_urls.mjs COUNT SECRET CLIENT_ID > paths.txt
import crypto from 'node:crypto';

const [count, secret, clientId] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const time = Math.floor(Date.now() / 1000);
const lines = [];
for (let i = 0; i < count; i++) {
  const path = `/embed/1-bench?:nonce=bench-${i}-${crypto.randomUUID()}&:client_id=${clientId}&:email=embed.user@example.com`
    + `&:external_user_id=u-${i}&:external_user_team=Sales_Managers&:account_type=Viewer&:mode=userbacked`
    + `&:session_length=3600&:time=${time}`;
  const signature = crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(`http://embed.bench${path}`, 'utf8')).digest('hex');
  lines.push(`${path}&:signature=${signature}`);
}
process.stdout.write(lines.join('\n') + '\n');
