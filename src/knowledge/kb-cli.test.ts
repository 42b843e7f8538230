import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../db/database.ts';
import { freshDatabase, processDatabase } from '../../test/helpers.ts';
import { createArticle } from './articles/service.ts';
import { exportKnowledge, importKnowledge } from './kb-cli.ts';

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `heed-kb-${name}-`));
const write = (dir: string, rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

describe('heed kb import / export', () => {
  let database: Database;
  const dirs: string[] = [];
  const dir = (name: string) => {
    const d = tmp(name);
    dirs.push(d);
    return d;
  };
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const bySlug = (slug: string, locale = 'en') => database.db.selectFrom('articles').selectAll().where('slug', '=', slug).where('locale', '=', locale).executeTakeFirst();

  it('creates from front matter, a # heading or the file name, reports failures, and is unchanged on a second run', async () => {
    const d = dir('import');
    write(d, 'billing/refunds.md', '---\ntitle: "Refunds: how long?"\nslug: refunds\ncategory: Billing\ntags: [Money, money, refunds]\nstatus: published\n---\nRefunds take **5 days**.\n');
    write(d, 'heading.md', '---\ncategory: Account\n---\n\n# Change your email\n\nOpen settings.\n');
    write(d, 'no-front-matter.md', 'Just text, no title anywhere.\n');
    write(d, 'fr/horaires.md', '---\ntitle: Nos horaires d’été\nlocale: fr\nstatus: published\n---\nNeuf heures.');
    write(d, 'bad-yaml.md', '---\ntitle: [unclosed\n---\nbody\n');
    write(d, 'bad-status.md', '---\ntitle: Fine\nstatus: archived\n---\nbody\n');
    write(d, 'bad-slug.md', '---\ntitle: Fine too\nslug: Not A Slug\n---\nbody\n');
    write(d, 'notes.txt', 'not markdown');

    const r = await importKnowledge(database.db, d);
    assert.equal(r.created, 4, JSON.stringify(r.failed));
    assert.equal(r.updated, 0);
    assert.equal(r.unchanged, 0);
    assert.deepEqual(r.failed.map((f) => path.basename(f.file)).sort(), ['bad-slug.md', 'bad-status.md', 'bad-yaml.md']);
    const reason = (name: string) => r.failed.find((f) => f.file.endsWith(name))!.reason;
    assert.match(reason('bad-status.md'), /^status:/);
    assert.match(reason('bad-slug.md'), /^slug:/);
    assert.ok(reason('bad-yaml.md').length > 0);
    assert.equal(await bySlug('fine'), undefined, 'a failed file writes nothing');

    const refunds = await bySlug('refunds');
    assert.equal(refunds?.title, 'Refunds: how long?');
    assert.deepEqual(refunds?.tags, ['money', 'refunds']);
    assert.equal(refunds?.status, 'published');
    assert.ok(refunds?.published_at);
    assert.equal(refunds?.body, 'Refunds take **5 days**.\n');
    const heading = await bySlug('change-your-email');
    assert.equal(heading?.title, 'Change your email');
    assert.equal(heading?.body, 'Open settings.\n', 'the heading leaves the body');
    assert.equal(heading?.category, 'Account');
    const named = await bySlug('no-front-matter');
    assert.equal(named?.title, 'no front matter');
    assert.equal((await bySlug('nos-horaires-d-ete', 'fr'))?.title, 'Nos horaires d’été');

    const again = await importKnowledge(database.db, d);
    assert.deepEqual({ created: again.created, updated: again.updated, unchanged: again.unchanged }, { created: 0, updated: 0, unchanged: 4 });

    write(d, 'billing/refunds.md', '---\ntitle: "Refunds: how long?"\nslug: refunds\ncategory: Billing\ntags: [money, refunds]\nstatus: published\n---\nRefunds take **3 days**.\n');
    const edited = await importKnowledge(database.db, d);
    assert.equal(edited.updated, 1);
    assert.equal(edited.unchanged, 3);
    const after = await bySlug('refunds');
    assert.equal(after?.version, 2);
    assert.equal(after?.body, 'Refunds take **3 days**.\n');
    const versions = await database.db.selectFrom('article_versions').select('version').where('article_id', '=', after!.id).execute();
    assert.equal(versions.length, 2);
  });

  it('round-trips an export: re-importing it changes nothing', async () => {
    const system = { kind: 'system' } as const;
    await createArticle(database.db, system, { title: 'Quotes "and" colons: yes # no', body: '---\nlooks like front matter\n---\n\n  trailing spaces  \n\n\n', tags: ['a', 'b'], category: 'Odd: one', status: 'published' });
    await createArticle(database.db, system, { title: '如何重置密码', body: '步骤 🎉', locale: 'zh' });
    await createArticle(database.db, system, { title: 'No newline', body: 'ends here', category: null, tags: [] });
    await createArticle(database.db, system, { title: 'Empty', body: '' });
    await createArticle(database.db, system, { title: '<script>alert(1)</script>', body: '<b>x</b>\r\nwindows line', locale: 'de-AT' });
    const count = Number((await database.db.selectFrom('articles').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

    const out = dir('export');
    assert.equal(await exportKnowledge(database.db, out), count);
    assert.ok(fs.existsSync(path.join(out, 'en', 'refunds.md')));
    assert.ok(fs.existsSync(path.join(out, 'fr', 'nos-horaires-d-ete.md')));
    assert.ok(fs.existsSync(path.join(out, 'de-AT', 'script-alert-1-script.md')));
    assert.ok(fs.readdirSync(path.join(out, 'zh')).some((f) => /^article-[0-9a-f]{8}\.md$/.test(f)));

    const before = await database.db.selectFrom('articles').select(['id', 'version', 'updated_at']).orderBy('id').execute();
    const r = await importKnowledge(database.db, out);
    assert.deepEqual(r.failed, []);
    assert.deepEqual({ created: r.created, updated: r.updated, unchanged: r.unchanged }, { created: 0, updated: 0, unchanged: count });
    const afterRows = await database.db.selectFrom('articles').select(['id', 'version', 'updated_at']).orderBy('id').execute();
    assert.deepEqual(afterRows, before);

    // Into an empty database, the export recreates the same articles.
    const other = await freshDatabase();
    try {
      const r2 = await importKnowledge(other.db, out);
      assert.equal(r2.created, count, JSON.stringify(r2.failed));
      const pick = (db: Database) =>
        db.db.selectFrom('articles').select(['title', 'slug', 'body', 'category', 'tags', 'status', 'locale']).orderBy('locale').orderBy('slug').execute();
      assert.deepEqual(await pick(other), await pick(database));
    } finally {
      await other.close();
    }
  });
});

describe('heed kb (the command)', () => {
  const bin = path.resolve(import.meta.dirname, '../../bin/heed.js');
  let env: Record<string, string> = {};
  let cleanup = async () => {};
  const work = tmp('cmd');
  before(async () => {
    ({ env, cleanup } = await processDatabase('heed_kb'));
  });
  after(async () => {
    await cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  });
  const heed = (args: string[]): Promise<{ code: number | null; out: string; err: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, out, err }));
    });

  it('imports with a summary and failures (exit 1), exports, and re-imports the export unchanged', async () => {
    const src = path.join(work, 'src');
    write(src, 'a.md', '---\ntitle: Alpha\nstatus: published\n---\nA body\n');
    write(src, 'b.md', '# Beta\n\nB body\n');
    write(src, 'broken.md', '---\ntitle: Broken\nlocale: English\n---\nx\n');
    const imp = await heed(['kb', 'import', src]);
    assert.equal(imp.code, 1, imp.err);
    assert.match(imp.out, /created 2, updated 0, unchanged 0, failed 1/);
    assert.match(imp.err, /broken\.md: locale:/);

    const out = path.join(work, 'out');
    const exp = await heed(['kb', 'export', out]);
    assert.equal(exp.code, 0, exp.err);
    assert.match(exp.out, /exported 2 articles/);
    assert.ok(fs.existsSync(path.join(out, 'en', 'alpha.md')));
    const again = await heed(['kb', 'import', out]);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /created 0, updated 0, unchanged 2, failed 0/);

    for (const args of [['kb'], ['kb', 'import'], ['kb', 'sync', work], ['kb', 'import', path.join(work, 'missing')], ['kb', 'import', work, '--force']]) {
      const r = await heed(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, /^heed: /);
    }
    const help = await heed(['help']);
    assert.match(help.out, /kb import DIR/);
  });
});
