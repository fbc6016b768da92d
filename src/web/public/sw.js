// The service worker that lets a volunteer open Crossroads with no signal. Pages fall back to the
// app shell kept here; the app's built files are kept as they are first fetched (their names
// change with every build, so a kept one is never stale). The API is never kept here: the field
// page keeps its packet and its unsent results in IndexedDB, and sends them when back online.
const SHELL = 'crossroads-shell-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(['/', '/manifest.webmanifest', '/icon.svg', '/zod-config.js'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).then((response) => {
      if (response.ok) void caches.open(SHELL).then((cache) => cache.put('/', response.clone()));
      return response;
    }).catch(() => caches.match('/')));
    return;
  }
  event.respondWith(caches.match(request).then((kept) => kept ?? fetch(request).then((response) => {
    if (response.ok && url.pathname.startsWith('/assets/')) void caches.open(SHELL).then((cache) => cache.put(request, response.clone()));
    return response;
  })));
});
