// A mail sink for the end-to-end run: accepts every message on 127.0.0.1 (plain SMTP, no TLS, no
// auth) and writes it to <folder>/<n>.eml with the envelope recipients in an X-Envelope-To header,
// so the desk's mail jobs (auto reminders, escalations) succeed and the journeys can read them.
// Usage: node smtp-sink.mjs <port> <folder>
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const port = Number(process.argv[2]);
const folder = process.argv[3];
if (!port || !folder) {
  console.error('usage: node smtp-sink.mjs <port> <folder>');
  process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });
let stored = 0;

const server = net.createServer(socket => {
  let buffer = '';
  let inData = false;
  let recipients = [];
  let data = [];
  const reply = line => socket.write(line + '\r\n');

  reply('220 retention-desk-e2e-sink ESMTP');
  // latin1 keeps every byte of an 8-bit body as it came
  socket.setEncoding('latin1');
  socket.on('data', chunk => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === '.') {
          inData = false;
          stored += 1;
          const file = path.join(folder, String(stored).padStart(4, '0') + '.eml');
          const text = 'X-Envelope-To: ' + recipients.join(', ') + '\r\n' + data.join('\r\n') + '\r\n';
          fs.writeFileSync(file, Buffer.from(text, 'latin1'));
          recipients = [];
          data = [];
          reply('250 stored as ' + path.basename(file));
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') {
        reply('250 retention-desk-e2e-sink');
      } else if (verb === 'MAIL') {
        recipients = [];
        reply('250 OK');
      } else if (verb === 'RCPT') {
        recipients.push(line.replace(/^RCPT TO:\s*/i, '').replace(/[<>]/g, ''));
        reply('250 OK');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'RSET' || verb === 'NOOP') {
        recipients = [];
        reply('250 OK');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else {
        reply('502 not implemented');
      }
    }
  });
  socket.on('error', () => {});
});

server.listen(port, '127.0.0.1', () => console.log(`smtp sink on 127.0.0.1:${port}, mail to ${folder}`));
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
