// The official CometD client (cometd 9 + cometd-nodejs-client 2) as a browser would run it, long-polling
// only, with the ack extension. Arguments: the CometD URL, the Authorization header, the subscription.
// Writes one JSON line per event on stdout; reads commands ("disconnect") on stdin.
import { createInterface } from 'node:readline';
import { adapt } from 'cometd-nodejs-client';
import { CometD } from 'cometd';
import { AckExtension } from 'cometd/AckExtension.js';

const [url, authorization, subscription] = process.argv.slice(2);
const report = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

adapt();
const cometd = new CometD();
cometd.unregisterTransport('websocket');
cometd.registerExtension('ack', new AckExtension());
cometd.configure({ url, logLevel: 'warn', requestHeaders: { Authorization: authorization } });

let connected = false;
cometd.addListener('/meta/connect', (reply) => {
  if (reply.successful && !connected) {
    connected = true;
    report({ event: 'connected' });
  }
});
cometd.handshake((reply) => {
  report({ event: 'handshake', successful: reply.successful, clientId: reply.clientId, error: reply.error });
  if (!reply.successful) {
    process.exit(2);
  }
  cometd.subscribe(subscription, (message) => report({ event: 'message', message }),
    (subscribed) => report({ event: 'subscribed', successful: subscribed.successful, subscription: subscribed.subscription }));
});

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'disconnect') {
    cometd.disconnect((reply) => {
      report({ event: 'disconnected', successful: reply.successful });
      process.exit(0);
    });
  }
});
