// The emails of updates and digests, in the recipient's language. Plain text: the update's
// Markdown reads as it was written.

type Locale = 'en' | 'es';

export function updateMail(locale: Locale, m: { allianceName: string; title: string; text: string; link: string; canReply: boolean }) {
  const footer = locale === 'es'
    ? `${m.canReply ? 'Responda a este correo para contestar en la conversación, o léala aquí' : 'Lea y responda aquí'}: ${m.link}\n`
    : `${m.canReply ? 'Reply to this email to answer in the thread, or read it here' : 'Read and reply here'}: ${m.link}\n`;
  return { subject: `[${m.allianceName}] ${m.title}`, text: `${m.text}\n\n—\n${footer}` };
}

export function digestMail(locale: Locale, items: { allianceName: string; title: string; link: string }[]) {
  const lines = items.map((i) => `• [${i.allianceName}] ${i.title}\n  ${i.link}`).join('\n');
  return locale === 'es'
    ? { subject: `Resumen de Crossroads: ${items.length} ${items.length === 1 ? 'actualización' : 'actualizaciones'}`, text: `Actualizaciones de sus alianzas:\n\n${lines}\n\nRecibe este resumen porque lo eligió en su cuenta; puede volver a recibir cada actualización por separado.\n` }
    : { subject: `Crossroads digest: ${items.length} ${items.length === 1 ? 'update' : 'updates'}`, text: `Updates from your alliances:\n\n${lines}\n\nYou get this digest because you chose it in your account; you can go back to one email per update.\n` };
}
