// Imported first by every benchmark: the PostgreSQL the benchmark may create its database in.
// BENCH_DB=postgresql uses DATABASE_URL (or the local server with the CI password).
if (process.env.BENCH_DB === 'postgresql') {
  process.env.PENGADUAN_PG_TEST_URL ??=
    process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
}
