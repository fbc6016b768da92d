// The Spanish of the API's own field messages: the `message` of each { field, message } in 422
// and 409 problems, in CSV import row reports and in tie import row reports. Messages are
// written in English where they arise (schemas, services, src/imports, src/ties/tie-rows.ts);
// a Spanish reader gets them through this catalog (see localize.ts).
//
// Each entry matches one whole English message; values interpolated at runtime (names, cell
// values, numbers, lists of English labels) are captured and kept as they are ($1, $2…). The
// first match wins, so a narrower pattern comes before a broader one; the test checks that no
// two patterns match the same message.

/** Known problems of a malformed CSV file (imports/csv-file.ts), without the closing period. */
const CSV_PROBLEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/a quoted value is never closed \(a " is missing\)/, 'un valor entre comillas nunca se cierra (falta una ")'],
  [/a quoted value is followed by other characters; write a quote inside a quoted value as ""/,
    'después de un valor entre comillas hay otros caracteres; dentro de un valor entre comillas, escriba cada comilla como ""'],
  [/a quoted value is followed by other characters/, 'después de un valor entre comillas hay otros caracteres'],
  [/a value has a " in the middle; put the whole value in quotes and write the quote as ""/,
    'un valor tiene una " en medio; ponga todo el valor entre comillas y escriba esa comilla como ""'],
  [/the row has a different number of values than the header/, 'la fila tiene un número de valores distinto al del encabezado'],
];
const ROW_LONGER_THAN_HEADER = /the row has (\d+) values but the header has (\d+) columns \(is a value with a comma missing its quotes\?\)/;
const uncaptured = (source: string) => source.replace(/(?<!\\)\((?!\?)/g, '(?:');
/** Anything else csv-parse reports (its own English) keeps its words; only the frame is translated. */
const OTHER_CSV_PROBLEM = `(?!(?:${[...CSV_PROBLEMS.map(([p]) => p.source), ROW_LONGER_THAN_HEADER.source].map(uncaptured).join('|')})\\.$)(.+)`;

function malformedCsv(): (readonly [RegExp, string])[] {
  return [
    [new RegExp(`^The CSV file is malformed on line (\\d+): ${ROW_LONGER_THAN_HEADER.source}\\.$`),
      'El archivo CSV tiene un error de formato en la línea $1: la fila tiene $2 valores pero el encabezado tiene $3 columnas (¿falta poner entre comillas un valor que lleva coma?).'],
    ...CSV_PROBLEMS.flatMap(([problem, spanish]) => [
      [new RegExp(`^The CSV file is malformed on line (\\d+): ${problem.source}\\.$`), `El archivo CSV tiene un error de formato en la línea $1: ${spanish}.`] as const,
      [new RegExp(`^The CSV file is malformed: ${problem.source}\\.$`), `El archivo CSV tiene un error de formato: ${spanish}.`] as const,
    ]),
    [new RegExp(`^The CSV file is malformed on line (\\d+): ${OTHER_CSV_PROBLEM}\\.$`), 'El archivo CSV tiene un error de formato en la línea $1: $2.'],
    [new RegExp(`^The CSV file is malformed: ${OTHER_CSV_PROBLEM}\\.$`), 'El archivo CSV tiene un error de formato: $1.'],
  ];
}

/** Spanish for the API's own English messages: [a pattern matching a whole English message, its Spanish with $1, $2… for the captured parts]. */
export const SPANISH_MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  // zod's own defaults that our schemas rely on: a missing value, a value of the wrong type.
  [/^Invalid input: expected (?:[\w-]+), received (?:undefined|null)$/, 'obligatorio'],
  [/^Invalid input: expected ([\w-]+), received (?!(?:undefined|null)$)([\w-]+)$/, 'Entrada inválida: se esperaba $1, se recibió $2'],

  // Shared by many schemas: required text, lengths, dates, links.
  [/^required$/, 'obligatorio'],
  [/^at most (\d+) characters$/, 'como máximo $1 caracteres'],
  [/^at most 1$/, 'como máximo 1'],
  [/^use YYYY-MM-DD$/, 'use AAAA-MM-DD'],
  [/^use YYYY, YYYY-MM or YYYY-MM-DD$/, 'use AAAA, AAAA-MM o AAAA-MM-DD'],
  [/^use YYYY, YYYY-MM, YYYY-MM-DD or MM\/DD\/YYYY$/, 'use AAAA, AAAA-MM, AAAA-MM-DD o MM/DD/AAAA'],
  [/^a local date and time, e\.g\. 2011-01-22T10:00$/, 'una fecha y hora local, p. ej. 2011-01-22T10:00'],
  [/^a date and time, e\.g\. 2010-02-20T23:00:00Z$/, 'una fecha y hora, p. ej. 2010-02-20T23:00:00Z'],
  [/^must be in the future$/, 'debe ser una fecha futura'],
  [/^ends before it starts$/, 'termina antes de empezar'],
  [/^a time zone such as America\/Chicago$/, 'una zona horaria como America/Chicago'],
  [/^a full address, e\.g\. https:\/\/…$/, 'una dirección completa, p. ej. https://…'],
  [/^only http\(s\) links$/, 'solo enlaces http(s)'],
  [/^not a valid id$/, 'identificador no válido'],
  [/^not a valid alliance id$/, 'identificador de alianza no válido'],
  [/^one to twenty alliance ids, separated by commas$/, 'de uno a veinte identificadores de alianza, separados por comas'],
  [/^from (\d+) to (\d+)$/, 'de $1 a $2'],

  // Choosing a related record.
  [/^choose an organization$/, 'elija una organización'],
  [/^choose the organization you vote for$/, 'elija la organización por la que vota'],
  [/^choose a person$/, 'elija una persona'],
  [/^choose a committee$/, 'elija un comité'],
  [/^choose a campaign$/, 'elija una campaña'],
  [/^choose a goal$/, 'elija una meta'],
  [/^choose a strategy area$/, 'elija un área estratégica'],
  [/^choose a space$/, 'elija un espacio'],
  [/^choose the space the record belongs to$/, 'elija el espacio al que pertenece el registro'],
  [/^choose a membership$/, 'elija una membresía'],
  [/^choose a work plan$/, 'elija un plan de trabajo'],
  [/^choose a charter version$/, 'elija una versión de la carta'],
  [/^choose at least one role$/, 'elija al menos un papel'],
  [/^no such organization$/, 'no existe esa organización'],
  [/^no such person$/, 'no existe esa persona'],
  [/^no such space$/, 'no existe ese espacio'],
  [/^not a member of this alliance$/, 'no es miembro de esta alianza'],
  [/^not an active member of this alliance$/, 'no es miembro activo de esta alianza'],
  [/^not a committee of this alliance$/, 'no es un comité de esta alianza'],
  [/^not a campaign of this alliance$/, 'no es una campaña de esta alianza'],
  [/^not a membership of this alliance$/, 'no es una membresía de esta alianza'],
  [/^not a work plan of this alliance$/, 'no es un plan de trabajo de esta alianza'],
  [/^not a charter version of this alliance$/, 'no es una versión de la carta de esta alianza'],
  [/^not a goal of this organization$/, 'no es una meta de esta organización'],
  [/^not a strategy area of this organization$/, 'no es un área estratégica de esta organización'],
  [/^not from a session of this convening$/, 'no es de una sesión de este encuentro'],

  // Organizations: the record, its place, its shared lists.
  [/^a name is required$/, 'falta el nombre'],
  [/^only an organization of kind "alliance" has an alliance profile$/, 'solo una organización de tipo "alliance" tiene perfil de alianza'],
  [/^an alliance with its own space stays an alliance$/, 'una alianza con espacio propio sigue siendo una alianza'],
  [/^create a new alliance instead of turning an organization into one$/, 'cree una alianza nueva en lugar de convertir una organización en alianza'],
  [/^a record with no space needs its own space$/, 'un registro sin espacio necesita su propio espacio'],
  [/^a two-digit state FIPS code$/, 'un código FIPS de estado de dos dígitos'],
  [/^a five-digit county FIPS code$/, 'un código FIPS de condado de cinco dígitos'],
  [/^"(.+)" is not a state FIPS code$/, '"$1" no es un código FIPS de estado'],
  [/^no US state has FIPS code (.+)$/, 'ningún estado de EE. UU. tiene el código FIPS $1'],
  [/^no US county has FIPS code (.+)$/, 'ningún condado de EE. UU. tiene el código FIPS $1'],
  [/^the county is not in the chosen state$/, 'el condado no está en el estado elegido'],
  [/^use lowercase letters, digits and _$/, 'use letras minúsculas, dígitos y _'],
  [/^unknown issue "(.+)"$/, 'tema desconocido: "$1"'],
  [/^unknown constituency "(.+)"$/, 'base desconocida: "$1"'],
  [/^unknown sector "(.+)"$/, 'sector desconocido: "$1"'],
  [/^unknown capacity "(.+)"$/, 'capacidad desconocida: "$1"'],
  [/^"(.+)" is not a constituency in this workspace$/, '"$1" no es una base de este espacio de trabajo'],
  [/^(\d+) organizations are called "(.+)"; use the id$/, 'hay $1 organizaciones llamadas "$2"; use el identificador'],
  [/^no organization "(.+)" that you can see$/, 'no hay ninguna organización "$1" que usted pueda ver'],

  // Shared lists (vocabularies).
  [/^an English label is required$/, 'falta la etiqueta en inglés'],
  [/^a Spanish label is required$/, 'falta la etiqueta en español'],
  [/^"(.+)" appears twice$/, '"$1" aparece dos veces'],
  [/^Still used by organizations: (.+)$/, 'Todavía hay organizaciones que usan: $1'],

  // People, contact details and accounts.
  [/^not an email address$/, 'no es un correo electrónico válido'],
  [/^an email address$/, 'un correo electrónico'],
  [/^digits, spaces and \+ \( \) - \. only$/, 'solo dígitos, espacios y + ( ) - .'],
  [/^an ISO 639 language code such as en or es$/, 'un código de idioma ISO 639, como en o es'],
  [/^no account with this email$/, 'no hay ninguna cuenta con este correo'],
  [/^no account with this email; add it first \(crossroads user add\)$/, 'no hay ninguna cuenta con este correo; créela primero (crossroads user add)'],
  [/^This account already belongs to another person of this organization\.$/, 'Esta cuenta ya pertenece a otra persona de esta organización.'],
  [/^already in use$/, 'ya está en uso'],
  [/^enter your password$/, 'escriba su contraseña'],
  [/^use at least (\d+) characters$/, 'use al menos $1 caracteres'],
  [/^does not match your password$/, 'no coincide con su contraseña'],

  // Input the database cannot store (server/clean-input.ts, server/database-errors.ts).
  [/^contains a character that is not allowed \(a NUL byte or broken Unicode\)$/, 'contiene un carácter no permitido (un byte NUL o Unicode roto)'],
  [/^already used by another record$/, 'ya lo usa otro registro'],
  [/^send at least one field to change$/, 'envíe al menos un campo para cambiar'],
  [/^a whole number from an earlier page$/, 'un número entero de una página anterior'],
  [/^refers to a record that does not exist$/, 'se refiere a un registro que no existe'],
  [/^not a value this field can hold$/, 'no es un valor que este campo pueda guardar'],

  // Votes.
  [/^This vote is secret: a ballot is final once cast\.$/, 'Esta votación es secreta: una papeleta emitida ya no se puede cambiar.'],

  // Spaces and sharing.
  [/^only an owner can add an owner$/, 'solo un dueño puede agregar a otro dueño'],
  [/^A space keeps at least one owner\.$/, 'Todo espacio debe tener al menos un dueño.'],
  [/^Only an owner can change an owner's role\.$/, 'Solo un dueño puede cambiar el rol de un dueño.'],
  [/^Only an owner can remove an owner\.$/, 'Solo un dueño puede quitar a un dueño.'],
  [/^a space already sees its own records$/, 'un espacio ya ve sus propios registros'],

  // Memberships, representatives and committees.
  [/^this person is not one of (.+)'s people$/, 'esta persona no está entre las personas de $1'],
  [/^this person is not affiliated with that organization$/, 'esta persona no está afiliada a esa organización'],
  [/^(.+) is itself a member \(directly or through other alliances\) of (.+); memberships cannot form a cycle\.$/,
    '$1 ya es miembro (directamente o a través de otras alianzas) de $2; las membresías no pueden formar un ciclo.'],
  [/^(.+) is already in (.+)\.$/, '$1 ya está en $2.'],

  // Charters, plans, goals, campaigns, power maps, alerts.
  [/^answer this question$/, 'responda esta pregunta'],
  [/^The alliance is already at this stage\.$/, 'La alianza ya está en esta etapa.'],
  [/^objectives and strategies belong to a goal$/, 'los objetivos y las estrategias pertenecen a una meta'],
  [/^carried for another organization$/, 'debe ser la demanda de otra organización, no de quien la lleva'],
  [/^move the stance or the influence$/, 'cambie la postura o la influencia'],
  [/^say what is needed$/, 'diga qué se necesita'],
  [/^not a calendar address$/, 'no es una dirección de calendario'],

  // Proposals and votes: settings.
  [/^a proposal needs at least one step$/, 'una propuesta necesita al menos un paso'],
  [/^a vote step needs its vote settings$/, 'un paso de votación necesita su configuración'],
  [/^lowercase letters and _$/, 'letras minúsculas y _'],
  [/^letters, digits, - and _$/, 'letras, dígitos, - y _'],
  [/^list at least two options$/, 'indique al menos dos opciones'],
  [/^option ids must differ$/, 'los identificadores de las opciones deben ser distintos'],
  [/^fewer seats than options$/, 'debe haber menos puestos que opciones'],
  [/^only organization and committee votes are weighted$/, 'solo se ponderan las votaciones de organizaciones y de comités'],
  [/^the shares must add up to 1$/, 'las partes deben sumar 1'],
  [/^must be between 0 and 1$/, 'debe estar entre 0 y 1'],
  [/^outside the allowed range$/, 'fuera del rango permitido'],
  // Codes of the methods' rule schemas (methods/rules.ts); the web shows them as they come.
  [/^nothing is more than the whole: use "at least"$/, 'umbral inalcanzable: nada es más que el total; use «al menos»'],
  [/^must be above the minimum$/, 'debe ser mayor que el mínimo'],

  // Proposals and votes: electorate, ballots, closing.
  [/^This vote has no one in its electorate: add members, seats or representatives first\.$/,
    'Nadie puede votar en esta votación: primero agregue miembros, puestos o representantes.'],
  [/^you vote for several organizations here: say which$/, 'aquí vota por varias organizaciones: diga por cuál'],
  [/^Your organization's representative has already voted; the alternate votes only when the representative has not\.$/,
    'El representante de su organización ya votó; el suplente vota solo si el representante no lo ha hecho.'],
  [/^give a reason$/, 'dé una razón'],
  [/^not one of the vote's options$/, 'no es una de las opciones de la votación'],
  [/^listed twice$/, 'aparece dos veces'],
  [/^not a ballot$/, 'no es un voto válido'],
  [/^not part of this kind of ballot$/, 'no forma parte de este tipo de voto'],
  [/^must be a whole number$/, 'debe ser un número entero'],
  // Ballot codes without wording of their own (vote-outcome.ts shows the code with spaces).
  [/^not one of the choices$/, 'no es una de las opciones'],
  [/^must be text$/, 'debe ser texto'],
  [/^must be a list$/, 'debe ser una lista'],
  [/^too long$/, 'demasiado largo'],
  [/^give a position or a reason$/, 'indique una posición o una razón'],
  [/^below the minimum$/, 'por debajo del mínimo'],
  [/^above the maximum$/, 'por encima del máximo'],
  [/^say why the vote closes early$/, 'diga por qué la votación cierra antes de tiempo'],
  [/^Not every elector has voted yet\.$/, 'Todavía no han votado todos los votantes.'],
  [/^This vote's rule does not let the coordinator close it before its deadline\.$/,
    'La regla de esta votación no permite que la coordinación la cierre antes del plazo.'],
  [/^This vote's rule keeps it open until its deadline\.$/, 'La regla de esta votación la mantiene abierta hasta el plazo.'],

  // Uploading a CSV file (organizations, memberships, people, ties).
  [/^choose a CSV file$/, 'elija un archivo CSV'],
  [/^The file is empty\.$/, 'El archivo está vacío.'],
  [/^the file is over (\d+) MB; split it$/, 'el archivo pasa de $1 MB; divídalo'],
  [/^files over (\d+) MB: use the command line$/, 'para archivos de más de $1 MB, use la línea de comandos'],
  ...malformedCsv(),
  [/^no such column in the file$/, 'el archivo no tiene esa columna'],
  [/^"(.+)" is not a field of organizations$/, '"$1" no es un campo de las organizaciones'],
  [/^"(.+)" is not a field of memberships$/, '"$1" no es un campo de las membresías'],
  [/^"(.+)" is not a field of people$/, '"$1" no es un campo de las personas'],
  [/^"(.+)" is not a field of contacts$/, '"$1" no es un campo de los contactos'],
  [/^"(.+)" is not a field of donations$/, '"$1" no es un campo de las donaciones'],
  [/^files over (\d+) MB: use the command line \(crossroads contacts import\)$/, 'para archivos de más de $1 MB, use la línea de comandos (crossroads contacts import)'],
  [/^files over (\d+) MB: use the command line \(crossroads donations import\)$/, 'para archivos de más de $1 MB, use la línea de comandos (crossroads donations import)'],

  // Rows of an imported file: organizations, memberships, people (src/imports).
  [/^the row is empty$/, 'la fila está vacía'],
  [/^"(.+)" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, MM\/DD\/YYYY or DD\/MM\/YYYY$/, '"$1" no es una fecha: use AAAA, AAAA-MM, AAAA-MM-DD, MM/DD/AAAA o DD/MM/AAAA'],
  [/^"(.+)" could be (\d{4}-\d{2}-\d{2}) or (\d{4}-\d{2}-\d{2}): say whether the day or the month comes first$/,
    '"$1" puede ser $2 o $3: indique si va primero el día o el mes'],
  [/^may be the same organization as row (\d+) \("(.+)"\): choose merge, keep both or skip$/,
    'puede ser la misma organización que la fila $1 ("$2"): elija combinar, conservar ambas u omitir'],
  [/^may be the same organization as "(.+)", already in the directory \((.+)\): choose merge, keep both or skip$/,
    'puede ser la misma organización que "$1", que ya está en el directorio ($2): elija combinar, conservar ambas u omitir'],
  [/^has the same external id as row (\d+): one record cannot be kept twice; choose merge or skip$/,
    'tiene el mismo identificador externo que la fila $1: un registro no se puede conservar dos veces; elija combinar u omitir'],
  [/^"(.+)" is in another space: it cannot be merged from here; choose keep both or skip$/,
    '"$1" está en otro espacio: no se puede combinar desde aquí; elija conservar ambas u omitir'],
  [/^a kind is required; use one of: (.+)$/, 'falta el tipo; use uno de estos: $1'],
  [/^unknown kind "(.+)"; use one of: (.+)$/, 'tipo desconocido: "$1"; use uno de estos: $2'],
  [/^unknown scale "(.+)"; use one of: (.+)$/, 'escala desconocida: "$1"; use una de estas: $2'],
  [/^unknown legal structure "(.+)"; use one of: (.+)$/, 'estructura legal desconocida: "$1"; use una de estas: $2'],
  [/^unknown role "(.+)"; use one of: (.+)$/, 'papel desconocido: "$1"; use uno de estos: $2'],
  [/^unknown status "(.+)"; use one of: (.+)$/, 'estado de membresía desconocido: "$1"; use uno de estos: $2'],
  [/^unknown budget "(.+)"; use an amount or one of: (.+)$/, 'presupuesto desconocido: "$1"; use una cantidad o uno de estos: $2'],
  [/^unknown US state "(.+)"$/, 'estado de EE. UU. desconocido: "$1"'],
  [/^no county named "(.+)" in (.+)$/, 'no hay ningún condado llamado "$1" en $2'],
  [/^give the state to find the county "(.+)"$/, 'indique el estado para encontrar el condado "$1"'],
  [/^not a web address$/, 'no es una dirección web'],
  [/^too long \(at most (\d+) characters\)$/, 'demasiado largo (como máximo $1 caracteres)'],
  [/^the member organization is required$/, 'falta la organización miembro'],
  [/^the alliance is required$/, 'falta la alianza'],
  [/^unknown language "(.+)"; write its name \(English or Spanish\) or ISO 639 code$/,
    'idioma desconocido: "$1"; escriba su nombre (en inglés o en español) o su código ISO 639'],
  [/^a role needs the organization the person belongs to$/, 'un papel necesita la organización a la que pertenece la persona'],
  [/^"(.+)" names (\d+) organizations; use the full name$/, '"$1" corresponde a $2 organizaciones; use el nombre completo'],
  [/^no organization called "(.+)"$/, 'ninguna organización se llama "$1"'],
  [/^(.+) is not an alliance$/, '$1 no es una alianza'],
  [/^you cannot change (.+)'s memberships$/, 'usted no puede cambiar las membresías de $1'],

  // Contacts, their import rows, segments and lists (src/contacts).
  [/^not a phone number$/, 'no es un número de teléfono'],
  [/^not a US state or territory$/, 'no es un estado ni un territorio de EE. UU.'],
  [/^not a county of (.+)$/, 'no es un condado de $1'],
  [/^a county needs a state$/, 'un condado necesita su estado'],
  [/^not a ZIP code \(5 digits, or ZIP\+4\)$/, 'no es un código postal (5 dígitos, o ZIP+4)'],
  [/^not a date: use YYYY-MM-DD or MM\/DD\/YYYY$/, 'no es una fecha: use AAAA-MM-DD o MM/DD/AAAA'],
  [/^(\d+-\d+-\d+) is not a date$/, '$1 no es una fecha'],
  [/^a birth year between (\d+) and (\d+)$/, 'un año de nacimiento entre $1 y $2'],
  [/^"(.+)" is not a language we know: write its name in English or Spanish, or its ISO code$/,
    '"$1" no es un idioma que conozcamos: escriba su nombre en inglés o en español, o su código ISO'],
  [/^yes or no$/, 'sí o no'],
  [/^a contact needs a name, an email or a phone$/, 'un contacto necesita un nombre, un correo o un teléfono'],
  [/^give an email or a phone$/, 'indique un correo o un teléfono'],
  [/^a contact cannot be merged into itself$/, 'un contacto no se puede fusionar consigo mismo'],
  [/^no such contact$/, 'no existe ese contacto'],
  [/^no such list$/, 'no existe esa lista'],
  [/^at most (\d+) levels of and \/ or \/ not$/, 'como máximo $1 niveles de y / o / no'],
  [/^a ZIP code, or its first 3 or 4 digits$/, 'un código postal, o sus primeros 3 o 4 dígitos'],

  // Field outreach and ladders (src/outreach, src/ladder).
  [/^say it in English$/, 'dígalo en inglés'],
  [/^say it in Spanish$/, 'dígalo en español'],
  [/^a choice question needs at least two choices$/, 'una pregunta de opciones necesita al menos dos opciones'],
  [/^each question needs its own key$/, 'cada pregunta necesita su propia clave'],
  [/^not a question of this script$/, 'no es una pregunta de este guion'],
  [/^this person has no role in the organization's space$/, 'esta persona no tiene ningún papel en el espacio de la organización'],
  [/^not a contact of this assignment$/, 'no es un contacto de esta asignación'],
  [/^already used by another assignment$/, 'ya lo usa otra asignación'],
  [/^no such segment$/, 'no existe ese segmento'],
  [/^not a target of this organization or of an alliance it is an active member of$/, 'no es una meta de esta organización ni de una alianza de la que sea miembro activo'],
  [/^not a step of this ladder$/, 'no es un escalón de esta escalera'],
  [/^a ladder has at least two steps$/, 'una escalera tiene al menos dos escalones'],
  [/^each step needs its own key$/, 'cada escalón necesita su propia clave'],
  [/^a rule names a step the ladder does not have$/, 'una regla nombra un escalón que la escalera no tiene'],
  [/^no such convening for this organization$/, 'esta organización no tiene esa convocatoria'],
  [/^no such person in this organization's directory$/, 'esa persona no está en el directorio de esta organización'],
  [/^this contact recruited them: recruitment cannot go in a circle$/, 'este contacto les trajo: el reclutamiento no puede cerrar un círculo'],
  [/^a mentor is someone else$/, 'la persona mentora es otra persona'],
  [/^name at least one contact$/, 'nombre al menos un contacto'],
  [/^no such cohort$/, 'no existe esa cohorte'],
  [/^whole cents$/, 'centavos enteros'],
  [/^more than zero$/, 'más de cero'],
  [/^an ISO 4217 code such as USD$/, 'un código ISO 4217 como USD'],
  [/^MM-01: fiscal years start on the first of a month$/, 'MM-01: el año fiscal empieza el primer día de un mes'],
  [/^an amount is required$/, 'falta el monto'],
  [/^this organization keeps its gifts in ([A-Z]{3})$/, 'esta organización registra sus donaciones en $1'],
  // Grants (grants/grant-file.ts, grant.service.ts, metrics).
  [/^is required$/, 'es obligatorio'],
  [/^a grant cannot be passed on to the organization that received it$/, 'una subvención no puede transferirse a la organización que la recibió'],
  [/^less than its re-grants already passed on, or in another currency than theirs$/, 'menos que sus re-subvenciones ya transferidas, o en otra moneda que ellas'],
  [/^a gift cannot be refunded before it was received$/, 'una donación no puede reembolsarse antes de recibirse'],
  [/^not a commitment of this donor in this organization$/, 'no es un compromiso de esta persona donante en esta organización'],
  [/^the payments add up to (\d+), not (\d+)$/, 'los pagos suman $1, no $2'],
  [/^a payment falls before the pledge$/, 'un pago cae antes de la promesa'],
  [/^bill at least one member$/, 'cobre al menos a un miembro'],
  [/^more than the invoice$/, 'más que la factura'],
  [/^say who matches$/, 'indique quién iguala las donaciones'],
  [/^from 0\.1 to 10$/, 'de 0.1 a 10'],
  [/^whole minor units$/, 'unidades menores enteras (centavos)'],
  [/^files over 45 MB: use the command line \(crossroads grants import\)$/, 'archivos de más de 45 MB: use la línea de comandos (crossroads grants import)'],
  [/^is longer than (\d+) characters$/, 'tiene más de $1 caracteres'],
  [/^is not an ISO 4217 currency code such as GBP or USD$/, 'no es un código de moneda ISO 4217 como GBP o USD'],
  [/^must be a number$/, 'debe ser un número'],
  [/^must be a number of at least 0, such as 1500\.50$/, 'debe ser un número de al menos 0, como 1500.50'],
  [/^has more decimals than ([A-Z]{3}) has \((\d+)\)$/, 'tiene más decimales de los que tiene $1 ($2)'],
  [/^is too large$/, 'es demasiado grande'],
  [/^is not a date: write YYYY-MM-DD$/, 'no es una fecha: escriba AAAA-MM-DD'],
  [/^must be a whole number of months$/, 'debe ser un número entero de meses'],
  [/^names (\d+) organizations: record one grant per funder and recipient$/, 'nombra $1 organizaciones: registre una subvención por financiador y receptor'],
  [/^must be one of (.+)$/, 'debe ser uno de estos: $1'],
  [/^is not a web address \(https:\/\/…\)$/, 'no es una dirección web (https://…)'],
  [/^(.+) says (.+) and (.+) says (.+): one identifier cannot name two grants$/, '$1 dice $2 y $3 dice $4: un identificador no puede nombrar dos subvenciones'],
  [/^dates are written day first \((.+) in (.+)\) and month first \((.+)\): write them as YYYY-MM-DD$/, 'las fechas están escritas con el día primero ($1 en $2) y con el mes primero ($3): escríbalas como AAAA-MM-DD'],
  [/^no date in the file says whether the day or the month comes first: choose the date order$/, 'ninguna fecha del archivo dice si va primero el día o el mes: elija el orden de las fechas'],
  [/^not valid JSON: line (\d+), column (\d+)$/, 'no es JSON válido: línea $1, columna $2'],
  [/^a 360Giving package has a top-level "grants" list$/, 'un paquete 360Giving tiene una lista "grants" en su primer nivel'],
  [/^the file has no grants$/, 'el archivo no tiene subvenciones'],
  [/^not a readable Excel workbook$/, 'no es un libro de Excel legible'],
  [/^only (\d+) of this grant is left to pass on$/, 'solo quedan $1 de esta subvención para transferir'],
  [/^link the grant's recipient to the directory before passing it on$/, 'vincule al receptor de la subvención con el directorio antes de transferirla'],
  [/^no such organization in the directory you can read$/, 'no existe esa organización en el directorio que usted puede leer'],
  [/^a re-grant cannot be made before the grant it passes on$/, 'una re-subvención no puede ser anterior a la subvención que transfiere'],
  [/^the period ends before it starts$/, 'el período termina antes de empezar'],
  [/^not an amount \(e\.g\. 25\.00\)$/, 'no es un monto (p. ej., 25.00)'],
  [/^a date is required$/, 'falta la fecha'],
  [/^a donor needs a name, an email or an id$/, 'una persona donante necesita un nombre, un correo o un identificador'],
  [/^lowercase letters, digits, _ and -$/, 'letras minúsculas, dígitos, _ y -'],

  // Ties and tie imports (src/ties).
  [/^a tie joins two different organizations$/, 'un lazo une a dos organizaciones distintas'],
  [/^no "(.+)" column \(found: (.*)\)$/, 'falta la columna "$1" (columnas del archivo: $2)'],
  [/^the file has no rows below its header$/, 'el archivo no tiene filas debajo del encabezado'],
  [/^name the first organization$/, 'indique la primera organización'],
  [/^name the second organization$/, 'indique la segunda organización'],
  [/^"(.+)" is not a kind of tie \((.+)\)$/, '"$1" no es un tipo de lazo ($2)'],
  [/^say what kind of tie$/, 'indique el tipo de lazo'],
  [/^a whole number from (\d+) to (\d+)$/, 'un número entero del $1 al $2'],
  [/^the same tie as row (\d+)$/, 'el mismo lazo que la fila $1'],
  [/^no organization with id (.+) that you can see$/, 'no hay ninguna organización con el identificador $1 que usted pueda ver'],
  [/^(\d+) organizations are called "(.+)"; use the organization's id$/, 'hay $1 organizaciones llamadas "$2"; use el identificador de la organización'],
  [/^no organization called "(.+)" that you can see$/, 'no hay ninguna organización llamada "$1" que usted pueda ver'],

  // Private overlap, consent and leaving (src/overlap, src/consent, src/spaces/space-exit).
  [/^not a fellow member of one of your alliances$/, 'no es otra organización miembro de una de sus alianzas'],
  [/^not an alliance both organizations are active members of$/, 'no es una alianza de la que ambas organizaciones sean miembros activos'],
  [/^not an organization's own space$/, 'no es el espacio propio de una organización'],
  [/^not an organization's own space \(an alliance's shared space is not removed this way\)$/, 'no es el espacio propio de una organización (el espacio compartido de una alianza no se borra así)'],
  [/^blinded values come in (\d+) bytes each; (\d+) bytes is not a whole number of them$/, 'los valores cifrados tienen $1 bytes cada uno; $2 bytes no es un número entero de ellos'],
  [/^(\d+) blinded values, but this organization holds (\d+) identifiers of this kind: send each of them once \(its contacts may have changed: run this side again\)$/,
    '$1 valores cifrados, pero esta organización tiene $2 identificadores de este tipo: envíe cada uno una vez (sus contactos pueden haber cambiado: ejecute este lado de nuevo)'],
  [/^(\d+) values are not blinded identifiers \(points of small order\)$/, '$1 valores no son identificadores cifrados (puntos de orden pequeño)'],
  [/^(\d+) blinded values are repeated: send each identifier once$/, '$1 valores cifrados están repetidos: envíe cada identificador una vez'],
  [/^send back all (\d+) of the other organization's values, blinded again$/, 'devuelva los $1 valores de la otra organización, cifrados de nuevo'],
  [/^only for sharing with a partner$/, 'solo para compartir con una organización aliada'],
  [/^say which partner organization$/, 'indique qué organización aliada'],
  [/^not a partner this organization asked about$/, 'no es una organización aliada por la que esta organización haya preguntado'],
  [/^type the organization's name exactly$/, 'escriba el nombre de la organización exactamente'],
  [/^not an effort of this organization$/, 'no es un esfuerzo de esta organización'],
  [/^one bit for each of the (\d+) blinded values: (\d+) bytes$/, 'un bit por cada uno de los $1 valores cifrados: $2 bytes'],

  // The 501(c)(3)/(c)(4) firewall (src/firewall) and an alliance's reach (src/reach).
  [/^a (501\(c\)\([34]\)) space holds only (501\(c\)\([34]\)) work \(501\(c\)\(3\)\/\(c\)\(4\) firewall\)$/, 'un espacio $1 solo guarda trabajo $2 (separación 501(c)(3)/(c)(4))'],
  [/^work gathered for (501\(c\)\([34]\)) stays (501\(c\)\([34]\)) \(501\(c\)\(3\)\/\(c\)\(4\) firewall\)$/, 'el trabajo reunido para $1 sigue siendo $2 (separación 501(c)(3)/(c)(4))'],
  [/^(\d+) of these contacts were gathered for (501\(c\)\([34]\)) work and cannot go into (501\(c\)\([34]\)) work \(501\(c\)\(3\)\/\(c\)\(4\) firewall\)$/,
    '$1 de estos contactos se reunieron para trabajo $2 y no pueden pasar a trabajo $3 (separación 501(c)(3)/(c)(4))'],
  [/^(501\(c\)\([34]\)) work cannot reach a (501\(c\)\([34]\)) space \(501\(c\)\(3\)\/\(c\)\(4\) firewall\)$/, 'el trabajo $1 no puede llegar a un espacio $2 (separación 501(c)(3)/(c)(4))'],
  [/^This space holds work marked (501\(c\)\([34]\)) \((\d+) lists, (\d+) efforts, (\d+) contacts\): it cannot be marked (501\(c\)\([34]\)) while it does\.$/,
    'Este espacio guarda trabajo marcado $1 ($2 listas, $3 esfuerzos, $4 contactos): no puede marcarse $5 mientras lo tenga.'],
  [/^one of these contacts is on (501\(c\)\([34]\)) lists or turfs, and the merged contact would carry (501\(c\)\([34]\)) work \(501\(c\)\(3\)\/\(c\)\(4\) firewall\)$/,
    'uno de estos contactos está en listas o territorios $1, y el contacto unido llevaría trabajo $2 (separación 501(c)(3)/(c)(4))'],
  [/^not an alliance this organization is an active member of$/, 'no es una alianza de la que esta organización sea miembro activo'],

  // Relationship surveys (src/surveys).
  [/^write the item in English, Spanish or both$/, 'escriba la afirmación en inglés, en español o en ambos'],
  [/^give the wave a title$/, 'dé un título a la ronda'],
  [/^the deadline must be in the future$/, 'la fecha límite debe ser futura'],
  [/^the items cannot change once the wave is open$/, 'las afirmaciones no pueden cambiar una vez abierta la ronda'],
  [/^who is invited cannot change once the wave is open$/, 'a quién se invita no puede cambiar una vez abierta la ronda'],
  [/^the deadline has passed; move it later first$/, 'la fecha límite ya pasó; muévala a una fecha posterior primero'],
  [/^a survey needs at least two current member organizations$/, 'una encuesta necesita al menos dos organizaciones miembro actuales'],
  [/^an organization does not rate itself$/, 'una organización no se califica a sí misma'],
  [/^not an organization invited to this wave$/, 'no es una organización invitada a esta ronda'],
  [/^rated twice$/, 'calificada dos veces'],
  [/^rate from 1 to 4 every organization you work with$/, 'califique de 1 a 4 a cada organización con la que trabaja'],
  [/^no such item in this wave$/, 'esta ronda no tiene esa afirmación'],
  [/^answered twice$/, 'respondida dos veces'],
  [/^a contribution is listed twice$/, 'una contribución aparece dos veces'],

  // Discussions (src/discussions).
  [/^write something$/, 'escriba algo'],
  [/^give the thread a title$/, 'dé un título a la conversación'],
  [/^give the update a title$/, 'dé un título a la actualización'],
  [/^not a resource of this space's library$/, 'no es un recurso de la biblioteca de este espacio'],
  [/^a resource is attached twice$/, 'un recurso está adjunto dos veces'],
  [/^at most (\d+) attachments$/, 'como máximo $1 adjuntos'],

  // The resource library (src/library).
  [/^give the resource a title$/, 'dé un título al recurso'],
  [/^give the file its name, e\.g\. report\.pdf$/, 'dé el nombre del archivo, p. ej. informe.pdf'],
  [/^the file is empty$/, 'el archivo está vacío'],
  [/^at most (\d+) MB$/, 'como máximo $1 MB'],
  [/^not a PDF, Office document, image or plain text file$/, 'no es un PDF, un documento de Office, una imagen ni un archivo de texto'],
  [/^at least (\d+) characters$/, 'al menos $1 caracteres'],
];

// Left out on purpose:
// - The details of conflicts that name no field (e.g. 'This vote is closed.', 'Close the vote before
//   moving on.'): they stay in `detail`, which is for developers; the web shows its own words.
// - zod's other English defaults ('Too small: …', 'Invalid option: …', 'Invalid email address', …):
//   localize.ts translates them with zod's Spanish locale.
// - Job-level texts (`job.message` of a CSV import, e.g. '3 of 10 rows have errors; nothing was
//   imported.'), 429 and 404 details: not field messages.
// - csv-rows.ts columnsOf()'s '"x" (column "y") is not a field of …; use one of: …': the API checks
//   the mapping first ('"x" is not a field of …' above), so it never reaches a person.
// - Machine codes: none reach a person; decisions/vote-outcome.ts words the methods' codes
//   (rule codes included) in English first.
