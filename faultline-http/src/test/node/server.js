'use strict';
// A tiny fastify 5 service whose errors are fastify's own: the FaultlineHttpClient tests start it
// with `node server.js`, read the port it prints on stdout, and decode what it answers.
const fastify = require('fastify')({ logger: false });

// A schema-validation 400: fastify answers {"statusCode":400,"code":"FST_ERR_VALIDATION",...}.
fastify.get('/items', {
  schema: {
    querystring: {
      type: 'object',
      required: ['limit'],
      properties: { limit: { type: 'integer', minimum: 1 } },
    },
  },
}, async () => ({ items: [] }));

// A 503 through fastify's default error handler, as an httpErrors-style error with a statusCode.
fastify.get('/unavailable', async (request, reply) => {
  const error = new Error('Inventory is down for maintenance');
  error.statusCode = 503;
  reply.code(503).send(error);
  return reply;
});

// A route that works, to show the client passes successes through untouched.
fastify.get('/ok', async () => ({ ok: true }));

// Every other path is fastify's own 404 (FST_ERR_NOT_FOUND-style body from the default handler).

fastify.listen({ host: '127.0.0.1', port: 0 }).then(() => {
  process.stdout.write(`${fastify.server.address().port}\n`);
}).catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});

// The test destroys the process; exit promptly on the signals it may use.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => fastify.close().then(() => process.exit(0)));
}
