const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const port = process.env.PORT || 8080;

app.get('/healthz', (_req, res) => res.send('ok'));
app.get('/orders', async (_req, res) => {
  const { rows } = await pool.query('select id, total from orders order by id desc limit 50');
  res.json(rows);
});

const server = app.listen(port, () => console.log(`orders-api listening on ${port}`));
process.on('SIGTERM', () => server.close(() => pool.end()));
