// The emails people receive, in their language. Plain text: readable in any mail client.

type Locale = 'en' | 'es';
interface VoteMail { proposalTitle: string; allianceName: string; closesAt: Date | null; link: string }

function when(date: Date | null, locale: Locale): string {
  if (!date) return locale === 'es' ? 'sin fecha de cierre' : 'no closing date';
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}

export function voteOpenedMail(locale: Locale, m: VoteMail) {
  return locale === 'es'
    ? { subject: `Votación abierta: ${m.proposalTitle}`, text: `${m.allianceName} abrió una votación sobre «${m.proposalTitle}».\nSu organización puede votar hasta: ${when(m.closesAt, locale)}.\n\nVea la propuesta y vote: ${m.link}\n` }
    : { subject: `Vote open: ${m.proposalTitle}`, text: `${m.allianceName} opened a vote on "${m.proposalTitle}".\nYour organization can vote until: ${when(m.closesAt, locale)}.\n\nRead the proposal and vote: ${m.link}\n` };
}

export function voteClosingMail(locale: Locale, m: VoteMail) {
  return locale === 'es'
    ? { subject: `La votación cierra pronto: ${m.proposalTitle}`, text: `Su organización aún no ha votado sobre «${m.proposalTitle}» (${m.allianceName}).\nLa votación cierra: ${when(m.closesAt, locale)}.\n\nVote aquí: ${m.link}\n` }
    : { subject: `Vote closing soon: ${m.proposalTitle}`, text: `Your organization has not yet voted on "${m.proposalTitle}" (${m.allianceName}).\nThe vote closes: ${when(m.closesAt, locale)}.\n\nVote here: ${m.link}\n` };
}
