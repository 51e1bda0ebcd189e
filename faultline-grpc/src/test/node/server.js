'use strict';
// A foreign gRPC peer: @grpc/grpc-js with no Faultline in it. Its one method, inventory.Inventory/
// GetSku (UTF-8 strings in and out), fails with NOT_FOUND and a google.rpc.Status of its own in
// grpc-status-details-bin: ErrorInfo (reason, domain, metadata) then RetryInfo, encoded by hand.
// It prints its port on the first line of stdout.
const grpc = require('@grpc/grpc-js');

function varint(n) {
  const out = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}
function field(number, bytes) {
  return Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);
}
function str(number, s) {
  return field(number, Buffer.from(s, 'utf8'));
}
function intField(number, n) {
  return Buffer.concat([varint(number << 3), varint(n)]);
}
function any(typeName, value) {
  return Buffer.concat([str(1, 'type.googleapis.com/' + typeName), field(2, value)]);
}
function errorInfo(reason, domain, metadata) {
  const entries = Object.entries(metadata).map(([k, v]) => field(3, Buffer.concat([str(1, k), str(2, v)])));
  return Buffer.concat([str(1, reason), str(2, domain), ...entries]);
}
function retryInfo(seconds) {
  return field(1, intField(1, seconds));
}
function status(code, message, details) {
  return Buffer.concat([intField(1, code), str(2, message), ...details.map((d) => field(3, d))]);
}

const string = {
  serialize: (s) => Buffer.from(s, 'utf8'),
  deserialize: (b) => b.toString('utf8'),
};
const definition = {
  GetSku: {
    path: '/inventory.Inventory/GetSku',
    requestStream: false,
    responseStream: false,
    requestSerialize: string.serialize,
    requestDeserialize: string.deserialize,
    responseSerialize: string.serialize,
    responseDeserialize: string.deserialize,
  },
};

const server = new grpc.Server();
server.addService(definition, {
  GetSku(call, callback) {
    const sku = call.request;
    const traceparent = call.metadata.get('traceparent')[0] || '';
    const metadata = new grpc.Metadata();
    metadata.set('grpc-status-details-bin', status(5, 'No such SKU: ' + sku, [
      any('google.rpc.ErrorInfo', errorInfo('SKU_NOT_FOUND', 'inventory.example.com', {
        sku: String(sku),
        seenTraceparent: String(traceparent),
      })),
      any('google.rpc.RetryInfo', retryInfo(3)),
      any('example.v1.Unknown', Buffer.from([8, 1])),
    ]));
    metadata.set('x-peer', 'grpc-js');
    callback({ code: grpc.status.NOT_FOUND, details: 'No such SKU: ' + sku, metadata });
  },
});
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(String(port));
});
process.on('SIGTERM', () => server.forceShutdown());
