// A minimal SMS look-alike for the loopback benchmark, in its own process so that it does not share an
// event loop with the client being measured. Sends its port to the parent over IPC.
import { createServer } from 'node:http';

let id = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '2', 'X-Request-Id': String(++id) });
    res.end('{}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
