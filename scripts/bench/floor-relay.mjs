// The broker bench's floor: the prototype the fast-path issue measured, on the same hops as
// `connect` + core (client → Node connector → unix socket → relay → one shared server), doing
// only the relay's core job: parse each line, remap ids, write one log line per call.
//   node floor-relay.mjs relay <socket> <log file> <server command…>   (prints "ready")
//   node floor-relay.mjs connect <socket>
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const [mode, socketPath, ...rest] = process.argv.slice(2);

/** Calls `onLine` for every newline-terminated line of a stream. */
function lines(stream, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line) onLine(line);
    }
  });
}

if (mode === 'connect') {
  const socket = net.connect(socketPath);
  process.stdin.pipe(socket);
  socket.pipe(process.stdout);
  socket.on('close', () => process.exit(0));
} else if (mode === 'relay') {
  const [logFile, command, ...args] = rest;
  const log = fs.openSync(logFile, 'a');
  const server = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  /** Our id → the client's socket, its own id, and when the call started. */
  const pending = new Map();
  let nextId = 1;
  lines(server.stdout, (line) => {
    const message = JSON.parse(line);
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    message.id = call.id;
    call.socket.write(JSON.stringify(message) + '\n');
    const record = { time: call.started, method: call.method, ms: Date.now() - call.started };
    fs.writeSync(log, JSON.stringify(record) + '\n');
  });
  // The server's own requests and notifications are dropped: the bench only makes calls.
  net
    .createServer((socket) => {
      lines(socket, (line) => {
        const message = JSON.parse(line);
        if (message.id !== undefined && message.method !== undefined) {
          const ours = nextId++;
          pending.set(ours, { socket, id: message.id, method: message.method, started: Date.now() });
          message.id = ours;
        }
        server.stdin.write(JSON.stringify(message) + '\n');
      });
    })
    .listen(socketPath, () => process.stdout.write('ready\n'));
  process.on('SIGTERM', () => {
    server.kill();
    process.exit(0);
  });
}
