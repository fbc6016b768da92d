// The movement metrics' definitions, published as a versioned JSON document
// (GET /api/metrics/definitions) so anyone can compute the same numbers from the same record:
// each metric's key, group, unit, name and formula in English and Spanish, and what it reads.
// A change in what a metric counts is a new version.

export const METRICS_VERSION = '1.0.0';

export type MetricGroup = 'transactions' | 'transformations' | 'depth' | 'dominance' | 'trust' | 'development';
export type MetricUnit = 'count' | 'people' | 'share' | 'index';

interface Definition { key: string; group: MetricGroup; unit: MetricUnit; name: { en: string; es: string }; formula: { en: string; es: string }; reads: string[] }

const d = (key: string, group: MetricGroup, unit: MetricUnit, en: [string, string], es: [string, string], reads: string[]): Definition =>
  ({ key, group, unit, name: { en: en[0], es: es[0] }, formula: { en: en[1], es: es[1] }, reads });

// "The alliance's convenings": convenings the alliance holds. "In the period": starting (or
// happening, moved, awarded) on a day from `from` to `to`, both included.
export const METRIC_DEFINITIONS: Definition[] = [
  d('meetings', 'transactions', 'count',
    ['Meetings', "Number of the alliance's convenings that start in the period."],
    ['Reuniones', 'Número de convocatorias de la alianza que empiezan en el período.'], ['convenings']),
  d('attendance', 'transactions', 'people',
    ['Attendance', "Participants marked as attended at the alliance's convenings in the period."],
    ['Asistencia', 'Participantes marcados como asistentes en las convocatorias de la alianza del período.'], ['convening_participants']),
  d('organizations_taking_part', 'transactions', 'count',
    ['Organizations taking part', "Distinct organizations with someone attending an alliance convening in the period, or taking part in an alliance campaign with an action in the period."],
    ['Organizaciones que participan', 'Organizaciones distintas con alguien presente en una convocatoria de la alianza del período, o parte de una campaña de la alianza con una acción en el período.'],
    ['convening_participants', 'campaign_participants', 'campaign_events']),
  d('actions', 'transactions', 'count',
    ['Actions', "Actions of the alliance's campaigns that happened in the period."],
    ['Acciones', 'Acciones de las campañas de la alianza ocurridas en el período.'], ['campaign_events']),
  d('turnout', 'transactions', 'people',
    ['Turnout', 'Sum of the turnout recorded for those actions.'],
    ['Participación en acciones', 'Suma de la participación registrada en esas acciones.'], ['campaign_events']),
  d('decision_makers_met', 'transactions', 'count',
    ['Decision makers met', 'Distinct decision makers (by name, case aside) named on those actions.'],
    ['Tomadores de decisión encontrados', 'Tomadores de decisión distintos (por nombre, sin distinguir mayúsculas) nombrados en esas acciones.'], ['campaign_events']),
  d('contacts_made', 'transactions', 'people',
    ['Contacts made', "Conversations ('contacted' results) members recorded in the period in field efforts counting toward the alliance's targets."],
    ['Contactos logrados', "Conversaciones (resultados 'contactado') que los miembros registraron en el período en esfuerzos de campo que cuentan para las metas de la alianza."],
    ['outreach_attempts', 'outreach_efforts', 'outreach_targets']),
  d('first_time_pairs', 'transformations', 'count',
    ['First-time pairs', 'Pairs of organizations that worked together (attended the same alliance convening, or took part in the same alliance campaign) for the first time in the period.'],
    ['Parejas por primera vez', 'Parejas de organizaciones que trabajaron juntas (asistieron a la misma convocatoria de la alianza, o participaron en la misma campaña) por primera vez en el período.'],
    ['convening_participants', 'campaign_participants', 'campaign_events']),
  d('issues_carried', 'transformations', 'count',
    ['Issues carried for another organization', "Campaign events of kind 'issue carried' in the period where the carrier is not the demand's owner."],
    ['Causas llevadas por otra organización', "Eventos de campaña de tipo 'causa llevada' en el período donde quien la lleva no es dueña de la demanda."], ['campaign_events']),
  d('stakeholder_moves_toward', 'transformations', 'count',
    ['Moves toward allies', "Stakeholder moves on the alliance's power maps in the period toward active ally on the spectrum of allies."],
    ['Movimientos hacia aliados', 'Movimientos de actores en los mapas de poder de la alianza en el período hacia aliado activo en el espectro de aliados.'], ['stakeholder_moves']),
  d('stakeholder_moves_away', 'transformations', 'count',
    ['Moves away from allies', 'The same moves toward active opposition.'],
    ['Movimientos hacia la oposición', 'Los mismos movimientos hacia oposición activa.'], ['stakeholder_moves']),
  d('sustained_ties', 'transformations', 'count',
    ['Ties sustained over two or more campaigns', 'Pairs of organizations that took part together in two or more alliance campaigns begun by the end of the period.'],
    ['Lazos sostenidos en dos o más campañas', 'Parejas de organizaciones que participaron juntas en dos o más campañas de la alianza iniciadas antes del fin del período.'],
    ['campaign_participants', 'campaign_events']),
  d('ladder_moves_up', 'transformations', 'people',
    ['Ladder moves up', "Contacts of member organizations that moved up their organization's leadership ladder in the period (counts per member; first placements not counted)."],
    ['Ascensos en la escalera', 'Contactos de las organizaciones miembro que subieron en la escalera de liderazgo de su organización en el período (conteos por miembro; sin contar las primeras ubicaciones).'],
    ['ladder_moves']),
  d('leader_share', 'depth', 'share',
    ['Grassroots leaders vs staff', "Leaders ÷ (leaders + staff) among those who attended the alliance's convenings in the period."],
    ['Líderes de base frente a personal', 'Líderes ÷ (líderes + personal) entre quienes asistieron a las convocatorias de la alianza del período.'], ['convening_participants']),
  d('co_representation', 'depth', 'share',
    ['Co-representation', 'Active member organizations with two or more representatives seated ÷ active member organizations.'],
    ['Co-representación', 'Organizaciones miembro activas con dos o más representantes ÷ organizaciones miembro activas.'], ['representatives', 'memberships']),
  d('participation_largest_share', 'dominance', 'share',
    ['Largest share of participation', "The largest organization's share of the attendance by organization at the alliance's convenings in the period (attendees with no organization are not counted)."],
    ['Mayor parte de la participación', 'La parte de la organización con más asistentes en la asistencia por organización a las convocatorias del período (sin contar a quienes no tienen organización).'], ['convening_participants']),
  d('participation_hhi', 'dominance', 'index',
    ['Concentration of participation (HHI)', 'Σ (each organization\'s share of that attendance)²: 1 when one organization is everyone, 1/n when n share equally.'],
    ['Concentración de la participación (IHH)', 'Σ (parte de cada organización en esa asistencia)²: 1 si una organización es todo, 1/n si n se reparten por igual.'], ['convening_participants']),
  d('seats_largest_share', 'dominance', 'share',
    ['Largest share of seats', "The largest organization's share of the alliance's representative seats and of the committee seats whose term has begun and not ended."],
    ['Mayor parte de los puestos', 'La parte de la organización con más puestos de representación de la alianza y de comité con mandato empezado y no terminado.'], ['representatives', 'committee_seats']),
  d('seats_hhi', 'dominance', 'index',
    ['Concentration of seats (HHI)', 'Σ (each organization\'s share of those seats)².'],
    ['Concentración de los puestos (IHH)', 'Σ (parte de cada organización en esos puestos)².'], ['representatives', 'committee_seats']),
  d('money_largest_share', 'dominance', 'share',
    ['Largest share of money', "The largest member's share of the grants recorded in the alliance's space that reached members in the period (in the alliance's main currency)."],
    ['Mayor parte del dinero', 'La parte del miembro que más recibió de las subvenciones registradas en el espacio de la alianza que llegaron a miembros en el período (en la moneda principal).'],
    ['funding_grants']),
  d('money_hhi', 'dominance', 'index',
    ['Concentration of money (HHI)', 'Σ (each member\'s share of that money)².'],
    ['Concentración del dinero (IHH)', 'Σ (parte de cada miembro en ese dinero)².'], ['funding_grants']),
  d('trust', 'trust', 'index',
    ['Trust and value over time', 'The average trust score of relationship surveys in the period; not computed until the alliance records relationship surveys.'],
    ['Confianza y valor en el tiempo', 'El promedio de confianza de las encuestas de relación del período; no se calcula hasta que la alianza registre encuestas de relación.'], []),
  d('stage_checkpoints', 'development', 'count',
    ['Stage-of-development checkpoints', "The alliance's stage moves in the period, each with its answers to the five questions."],
    ['Hitos de la etapa de desarrollo', 'Los cambios de etapa de la alianza en el período, cada uno con sus respuestas a las cinco preguntas.'], ['stage_moves']),
];

export function definitionsDocument() {
  return { version: METRICS_VERSION,
    periodRule: 'A day belongs to the period when from ≤ day ≤ to: a convening\'s day is the local date it starts on where it is held; moves and payments count on their UTC date.',
    metrics: METRIC_DEFINITIONS };
}
