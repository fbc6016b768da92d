import { randomBytes } from 'node:crypto';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// A post's Markdown made into the HTML the web app shows. Pure. Whatever the author writes —
// raw HTML, scripts, event handlers, javascript: links, images that would call out to another
// server — only the tags and attributes listed here survive, links open apart with no referrer.
// Mentions are written @[Name](user:<id>) or @[Name](org:<id>) (the composer inserts them).

const MENTION = /@\[([^\]\n]{1,120})\]\((user|org):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;
const marked = new Marked({ gfm: true, breaks: true, async: false });

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'hr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings stay below the page's own.
  transformTags: {
    h1: 'h3', h2: 'h3', h5: 'h4', h6: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer', target: '_blank' } }),
  },
  disallowedTagsMode: 'discard',
};
// transformTags adds rel and target after the attribute filter has run: allow them on links.
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes as Record<string, string[]>, a: ['href', 'title', 'rel', 'target'] };

export interface RenderedPost { html: string; mentionedUsers: string[]; mentionedOrgs: string[] }

export function renderPost(body: string): RenderedPost {
  const mentions: { label: string; kind: 'user' | 'org'; id: string }[] = [];
  // Each mention becomes a plain word Markdown leaves alone — made of a random marker the author
  // cannot guess, so no text of theirs turns into one — and comes back as a span once the HTML is clean.
  const marker = `m${randomBytes(8).toString('hex')}`;
  const placed = body.replace(MENTION, (_, label: string, kind: 'user' | 'org', id: string) => `${marker}${mentions.push({ label, kind, id }) - 1}x`);
  const clean = sanitizeHtml(marked.parse(placed) as string, SANITIZE);
  const html = clean.replace(new RegExp(`${marker}(\\d+)x`, 'g'), (whole, i: string) => {
    const m = mentions[Number(i)];
    return m ? `<span class="mention" data-${m.kind}="${m.id}">@${escape(m.label)}</span>` : whole;
  });
  return {
    html,
    mentionedUsers: [...new Set(mentions.filter((m) => m.kind === 'user').map((m) => m.id))],
    mentionedOrgs: [...new Set(mentions.filter((m) => m.kind === 'org').map((m) => m.id))],
  };
}

/** A post's text with mentions as names, for search results, emails and notifications. */
export function plainText(body: string): string {
  return body.replace(MENTION, (_, label: string) => `@${label}`);
}
