// The Spanish of the API's problem titles and details (RFC 9457 `title` and `detail`), for a
// reader who asks for Spanish or whose account is in Spanish. Field messages have their own
// catalog (messages-es.ts); a detail made of field messages is rebuilt from them in localize.ts.

export const PROBLEM_TITLES_ES: Record<string, string> = {
  'Not found': 'No encontrado', 'Invalid input': 'Datos no válidos', Invalid: 'Datos no válidos', Conflict: 'Conflicto',
  'Link expired': 'Enlace vencido', 'Sign in required': 'Hay que iniciar sesión', 'Sign-in failed': 'No se pudo iniciar sesión',
  Forbidden: 'No permitido', 'Cross-origin request refused': 'Solicitud de otro origen rechazada', 'Server error': 'Error del servidor',
  'Changed since you read it': 'Cambió desde que lo leyó', 'Too many attempts': 'Demasiados intentos', 'Too many analyses': 'Demasiados análisis',
  'Rows rejected': 'Filas rechazadas', 'Unsupported file': 'Tipo de archivo no admitido', 'Request too large': 'Solicitud demasiado grande',
  'File too large': 'Archivo demasiado grande', 'Cannot be read': 'No se puede leer', 'PDF unavailable': 'PDF no disponible', 'Purge stopped': 'Borrado detenido',
};

// The things a 404 can be about ("No person here, or you cannot see it.").
const WHAT_ES: Record<string, string> = {
  record: 'ningún registro', person: 'ninguna persona', contact: 'ningún contacto', organization: 'ninguna organización',
  membership: 'ninguna membresía', convening: 'ninguna convocatoria', proposal: 'ninguna propuesta', vote: 'ninguna votación',
  campaign: 'ninguna campaña', 'work plan': 'ningún plan de trabajo', goal: 'ninguna meta', survey: 'ninguna encuesta', thread: 'ninguna conversación',
  post: 'ninguna publicación', import: 'ninguna importación', job: 'ninguna tarea', space: 'ningún espacio', resource: 'ningún recurso',
  grant: 'ningún permiso o subvención', list: 'ninguna lista', segment: 'ningún segmento', token: 'ningún token', tie: 'ningún lazo',
  committee: 'ningún comité', donation: 'ninguna donación', alliance: 'ninguna alianza', link: 'ningún enlace', session: 'ninguna sesión',
};

const DETAILS_ES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^No (.+) here, or you cannot see it\.$/, (m) => `No hay ${WHAT_ES[m[1]!] ?? `ningún registro (${m[1]})`} aquí, o usted no tiene acceso.`],
  [/^No route (\w+) (.+)\.$/, (m) => `No existe la ruta ${m[1]} ${m[2]}.`],
  [/^Sign in to use this\.$/, () => 'Inicie sesión para usar esto.'],
  [/^That email and password do not match an account\.$/, () => 'Ese correo y esa contraseña no corresponden a ninguna cuenta.'],
  [/^Your role in this space does not allow this\.$/, () => 'Su papel en este espacio no permite esto.'],
  [/^Something went wrong on our side; it has been logged\.$/, () => 'Algo falló de nuestro lado; quedó registrado.'],
  [/^This link has expired\.$/, () => 'Este enlace venció.'],
  [/^This link has expired: ask the organization for a new one\.$/, () => 'Este enlace venció: pida uno nuevo a la organización.'],
  [/^A record with this value already exists\.$/, () => 'Ya existe un registro con este valor.'],
  [/^Someone changed this record after you read it; here it is as it is now\.$/, () => 'Alguien cambió este registro después de que usted lo leyó; aquí está como quedó.'],
  [/^Only an owner can remove an owner\.$/, () => 'Solo una persona propietaria puede quitar a otra.'],
  [/^Only workspace administrators (.+)\.$/, () => 'Solo las personas administradoras del espacio de trabajo pueden hacer esto.'],
  [/^You are not in the electorate of this vote\.$/, () => 'Usted no forma parte del electorado de esta votación.'],
];

/** A problem's detail in Spanish, or the English as written when the catalog does not know it. */
export function detailToSpanish(detail: string): string {
  for (const [pattern, spanish] of DETAILS_ES) {
    const m = pattern.exec(detail);
    if (m) return spanish(m);
  }
  return detail;
}
