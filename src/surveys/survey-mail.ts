// The survey's emails, in the recipient's language. Plain text: readable in any mail client.

type Locale = 'en' | 'es';
interface SurveyMail { allianceName: string; organizationName: string; title: string; deadline: Date; link: string }

function when(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
}

const confidentiality = {
  en: 'Your ratings are confidential: what an organization receives is shown only as an average of at least three raters, and a pair\'s own ratings only if both organizations agree.',
  es: 'Sus calificaciones son confidenciales: lo que recibe una organización se muestra solo como promedio de al menos tres evaluadores, y las calificaciones de una pareja solo si ambas organizaciones lo aceptan.',
};

export function surveyInvitationMail(locale: Locale, m: SurveyMail, reminder: boolean) {
  if (locale === 'es') {
    return {
      subject: `${reminder ? 'Recordatorio: ' : ''}Encuesta de relaciones de ${m.allianceName}`,
      text: `${m.allianceName} pide a ${m.organizationName} que responda «${m.title}»: cómo colabora con cada organización miembro, cuánto confía en ella y qué valor aporta.\n`
        + `Fecha límite: ${when(m.deadline, locale)}.\n\n${confidentiality.es}\n\nResponda aquí (no necesita cuenta; este enlace es personal, no lo reenvíe):\n${m.link}\n`,
    };
  }
  return {
    subject: `${reminder ? 'Reminder: ' : ''}${m.allianceName} relationship survey`,
    text: `${m.allianceName} asks ${m.organizationName} to answer "${m.title}": how it works with each member organization, how much it trusts them and what value they bring.\n`
      + `Deadline: ${when(m.deadline, locale)}.\n\n${confidentiality.en}\n\nAnswer here (no account needed; this link is yours, please do not forward it):\n${m.link}\n`,
  };
}
