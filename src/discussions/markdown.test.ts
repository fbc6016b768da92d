import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderPost } from './markdown.ts';

// Vectors from the OWASP XSS Filter Evasion Cheat Sheet and common Markdown-specific ones: none
// may leave a script, an event handler, a javascript:/data: link, a style, a frame or an image.
const XSS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=alert(1)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<style>@import "https://evil.example/x.css";</style>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '![x](https://tracker.example/pixel.gif)',
  '![x](javascript:alert(1))',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '`<script>alert(1)</script>`',
  '@[<img src=x onerror=alert(1)>](user:11111111-2222-3333-4444-555555555555)',
  '@[x" onmouseover="alert(1)](org:11111111-2222-3333-4444-555555555555)',
  // The marker mentions travel as: an author who guesses its shape gets plain text, not a span.
  'crossroadsmention7x [a](https://ok.example/crossroadsmention0x "crossroadsmention0x")',
];

const ALLOWED = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span'];

describe('Markdown posts', () => {
  it.each(XSS)('neutralizes %s', (body) => {
    // Read back as a browser would: every element and attribute that came out.
    const elements: { name: string; attribs: Record<string, string> }[] = [];
    const walk = (nodes: unknown[]) => nodes.forEach((n) => {
      const node = n as { type: string; name: string; attribs: Record<string, string>; children?: unknown[] };
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') elements.push({ name: node.name, attribs: node.attribs });
      if (node.children) walk(node.children);
    });
    walk(parseDocument(renderPost(body).html).children);
    for (const el of elements) {
      expect(ALLOWED).toContain(el.name);
      for (const [name, value] of Object.entries(el.attribs)) {
        expect(name).not.toMatch(/^on|^style$|^src$/i);
        if (name === 'href') expect(value).toMatch(/^(https?:|mailto:)/i);
      }
    }
  });

  it('keeps formatting, links that open apart, and headings below the page\'s', () => {
    const { html } = renderPost('# Plan\n**bold** _it_ ~~gone~~\n\n- one\n- two\n\n[site](https://iad.example/plan)');
    expect(html).toContain('<h3>Plan</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>it</em>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://iad.example/plan" rel="nofollow noopener noreferrer" target="_blank">site</a>');
  });

  it('turns mentions into names and reports whom they name, escaping the label', () => {
    const u = '11111111-2222-3333-4444-555555555555';
    const o = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    const r = renderPost(`Thanks @[Teresa Olmedo](user:${u}) and @[NDLON & friends](org:${o}), again @[Teresa](user:${u})`);
    expect(r.mentionedUsers).toEqual([u]);
    expect(r.mentionedOrgs).toEqual([o]);
    expect(r.html).toContain(`<span class="mention" data-user="${u}">@Teresa Olmedo</span>`);
    expect(r.html).toContain(`<span class="mention" data-org="${o}">@NDLON &amp; friends</span>`);
  });
});
