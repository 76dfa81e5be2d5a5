import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
const c = await PGlite.create({ extensions: { pg_trgm } });
await c.exec(`create extension if not exists pg_trgm; create table t(x text); create index on t using gin (x gin_trgm_ops); insert into t select 'abc'||g from generate_series(1,10000) g; analyze t;`);
console.log((await c.query(`explain select * from t where x ilike '%bc99%'`)).rows);
const dump = await c.dumpDataDir('none');
const c2 = await PGlite.create({ loadDataDir: dump, extensions: { pg_trgm } });
console.log((await c2.query(`select count(*) from t where x ilike '%bc99%'`)).rows);
