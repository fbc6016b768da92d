// Zod compiles its object parsers with `new Function` unless told not to, and probes for it even
// when it cannot: the app's security policy refuses eval, so the browser logged an error on every
// page. Zod reads this object when it loads; this script runs first (deferred, before the app).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
