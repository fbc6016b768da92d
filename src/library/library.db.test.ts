import archiver from 'archiver';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { pdfOf } from '../../test/files.ts';
import { ENGINES, ORIGIN, type TestApp, testApp } from '../../test/test-app.ts';

// The resource library through the API: files of each kind in, their words found in English and
// Spanish, versions, downloads that never run in the page, the size limit and kinds it refuses,
// and nothing of it for anyone without a role in the space.

/** A zip of the given parts (the skeleton of an Office file). */
async function zipOf(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = archiver('zip');
  const chunks: Buffer[] = [];
  zip.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise((resolve) => zip.on('end', resolve));
  for (const [name, content] of Object.entries(parts)) zip.append(content, { name });
  await zip.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A minimal Word document whose one paragraph is `text` (followed by `padding` spaces, which compress to almost nothing). */
async function docxOf(text: string, padding = 0): Promise<Uint8Array> {
  const zip = archiver('zip');
  const chunks: Buffer[] = [];
  zip.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise((resolve) => zip.on('end', resolve));
  zip.append('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>', { name: '[Content_Types].xml' });
  zip.append('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>', { name: '_rels/.rels' });
  zip.append(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}${' '.repeat(padding)}</w:t></w:r></w:p></w:body></w:document>`, { name: 'word/document.xml' });
  await zip.finalize();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe.each(ENGINES)('the resource library on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;
  const put = (name: string, path: string, bytes: Uint8Array) => Promise.resolve(t.app.request(`${ORIGIN}${path}`, {
    method: 'PUT', headers: { origin: ORIGIN, cookie: c(name).cookie, 'content-type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer>,
  })).then(async (res: Response) => ({ status: res.status, json: await res.json() as any }));
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'l');
  });
  afterAll(async () => t?.close());

  it('takes resources and their files from members, reading their words', async () => {
    const space = f.allianceSpaceId;
    expect((await c('funder').post(`/api/spaces/${space}/library`, { title: 'x' })).status).toBe(403);
    expect((await c('outsider').post(`/api/spaces/${space}/library`, { title: 'x' })).status).toBe(404);
    for (const [key, title, language] of [['pdf', 'Tenant organizing curriculum', 'en'], ['docx', 'Guía de capacitación', 'es'], ['txt', 'IAD proposal for joint work in 2010', 'en']] as const) {
      const created = await c('repX').post(`/api/spaces/${space}/library`, { title, language, tags: ['training'], description: '' });
      expect(created.status).toBe(201);
      ids[key] = created.json.id;
    }
    const pdf = await put('repX', `/api/library/${ids.pdf}/file?name=curriculum.pdf`, pdfOf('Tenants organize against evictions in every building'));
    expect(pdf.status).toBe(200);
    expect(pdf.json).toMatchObject({ version: 1, contentType: 'application/pdf' });
    expect(pdf.json.textLength).toBeGreaterThan(20);
    const docx = await put('repX', `/api/library/${ids.docx}/file?name=${encodeURIComponent('guía.docx')}`, await docxOf('Las trabajadoras domésticas organizaron reuniones en cada barrio'));
    expect(docx.json).toMatchObject({ version: 1, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const txt = await put('repX', `/api/library/${ids.txt}/file?name=iad.txt`, new TextEncoder().encode('Challenging the banks; building political unity; capacity building.'));
    expect(txt.json.contentType).toBe('text/plain; charset=utf-8');
  });

  it('finds resources by the words inside their files, in English and Spanish', async () => {
    const space = f.allianceSpaceId;
    const titles = async (q: string) => (await c('funder').get(`/api/spaces/${space}/library?q=${encodeURIComponent(q)}`)).json.items.map((i: { title: string }) => i.title);
    expect(await titles('eviction')).toEqual(['Tenant organizing curriculum']); // "evictions" in the PDF
    expect(await titles('reunión')).toEqual(['Guía de capacitación']); // "reuniones" in the Word file
    expect(await titles('bank')).toEqual(['IAD proposal for joint work in 2010']);
    expect((await titles('training')).length).toBe(3); // the tag
    expect(await titles('zebra')).toEqual([]);
  });

  it('keeps versions and serves each as a download that never runs in the page', async () => {
    const second = await put('repX', `/api/library/${ids.txt}/file?name=iad-v2.txt`, new TextEncoder().encode('Second version: anchors named.'));
    expect(second.json.version).toBe(2);
    const item = (await c('funder').get(`/api/library/${ids.txt}`)).json;
    expect(item.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(item.versions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const res = await t.app.request(`${ORIGIN}/api/library/${ids.docx}/files/1`, { headers: { cookie: c('funder').cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="guia.docx"; filename*=UTF-8''gu%C3%ADa.docx`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(200);
    expect((await c('outsider').get(`/api/library/${ids.docx}/files/1`)).status).toBe(404);
    expect((await c('funder').get(`/api/library/${ids.docx}/files/9`)).status).toBe(404);
  });

  it('describes a resource with the workspace\'s issues and constituencies, and names a term it does not know', async () => {
    const space = f.allianceSpaceId;
    const bad = await c('repX').post(`/api/spaces/${space}/library`, { title: 'Know your rights', issues: ['housing', 'astrology'], constituencies: ['day_laborers'] });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([{ field: 'issues[1]', message: 'unknown issue "astrology"' }]);
    const made = await c('repX').post(`/api/spaces/${space}/library`, { title: 'Know your rights', issues: ['immigrant_rights'], constituencies: ['day_laborers'] });
    expect(made.status).toBe(201);
    expect((await c('funder').get(`/api/library/${made.json.id}`)).json).toMatchObject({ issues: ['immigrant_rights'], constituencies: ['day_laborers'] });
    expect((await c('repX').put(`/api/library/${made.json.id}`, { title: 'Know your rights', constituencies: ['martians'] })).status).toBe(422);
    // Two people describing it from the same version: the second is told it changed, and shown how.
    const read = await t.app.request(`${ORIGIN}/api/library/${made.json.id}`, { headers: { cookie: c('repX').cookie } });
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect((await c('repX').request('PUT', `/api/library/${made.json.id}`, { title: 'Know your rights (2010)' }, { 'if-match': etag })).status).toBe(200);
    const stale = await c('coordinator').request('PUT', `/api/library/${made.json.id}`, { title: 'Know your rights!' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.json.current.title).toBe('Know your rights (2010)');
  });

  it('refuses what it does not take, naming the file, and keeps what it had', async () => {
    const html = await put('repX', `/api/library/${ids.txt}/file?name=page.html`, new TextEncoder().encode('<script>alert(1)</script>'));
    expect(html.status).toBe(415);
    expect(html.json.errors[0].field).toBe('file');
    // An executable renamed as a PDF is read by its bytes.
    const exe = await put('repX', `/api/library/${ids.txt}/file?name=report.pdf`, new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 1, 2, 3]));
    expect(exe.status).toBe(415);
    const big = await put('repX', `/api/library/${ids.txt}/file?name=big.txt`, new Uint8Array(21 * 1024 * 1024).fill(0x61));
    expect(big.status).toBe(413);
    expect(big.json.errors[0]).toEqual({ field: 'file', message: 'at most 20 MB' });
    expect((await put('funder', `/api/library/${ids.txt}/file?name=x.txt`, new TextEncoder().encode('x'))).status).toBe(403);
    expect((await c('funder').get(`/api/library/${ids.txt}`)).json.versions).toHaveLength(2);
  });

  it('takes a Word file that would unpack past its limits, without unpacking its words', async () => {
    // 60 MB of spaces compress to a few kilobytes: its words are never unpacked.
    const bomb = await docxOf('Reunión de la bomba', 60 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const item = await c('repX').post(`/api/spaces/${f.allianceSpaceId}/library`, { title: 'Suspicious minutes' });
    const uploaded = await put('repX', `/api/library/${item.json.id}/file?name=minutes.docx`, bomb);
    expect(uploaded.status).toBe(200);
    expect(uploaded.json.textLength).toBe(0);
    expect((await c('funder').get(`/api/spaces/${f.allianceSpaceId}/library?q=bomba`)).json.items).toEqual([]);
  });

  it('reads the words of spreadsheets and slides too', async () => {
    const space = f.allianceSpaceId;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Presupuesto').addRow(['Línea', 'Monto']).commit();
    workbook.getWorksheet('Presupuesto')!.addRow(['Capacitación de promotoras', 1200]).commit();
    const sheet = await c('repX').post(`/api/spaces/${space}/library`, { title: 'Budget 2010' });
    expect((await put('repX', `/api/library/${sheet.json.id}/file?name=budget.xlsx`, new Uint8Array(await workbook.xlsx.writeBuffer()))).json.textLength).toBeGreaterThan(10);
    const slides = await c('repX').post(`/api/spaces/${space}/library`, { title: 'Deck' });
    const pptx = await zipOf({ 'ppt/slides/slide1.xml': '<p:sld xmlns:a="a" xmlns:p="p"><a:t>Ports &amp; clean trucks</a:t></p:sld>' });
    expect((await put('repX', `/api/library/${slides.json.id}/file?name=deck.pptx`, pptx)).json.contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    const titles = async (q: string) => (await c('funder').get(`/api/spaces/${space}/library?q=${encodeURIComponent(q)}`)).json.items.map((i: { title: string }) => i.title);
    expect(await titles('promotora')).toEqual(['Budget 2010']);
    expect(await titles('trucks')).toEqual(['Deck']);
  });

  it('lets administrators remove a resource', async () => {
    expect((await c('repX').delete(`/api/library/${ids.pdf}`)).status).toBe(403);
    expect((await c('coordinator').delete(`/api/library/${ids.pdf}`)).status).toBe(200);
    expect((await c('funder').get(`/api/library/${ids.pdf}`)).status).toBe(404);
  });
});
