// GroupLab works offline after the first visit. Network first, so an online visit always gets the newest
// files (they have stable names, no content hashes); the cache answers when the network does not.
// Only the app's own files, from its own origin, are ever cached or served.
const CACHE = 'grouplab';
const CORE = ['./', './index.html', './app.css', './boot.js', './embed.js', './first-frame.js', './grouplab.js', './grouplab_bg.wasm', './favicon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(CORE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(async () => {
        // Offline: the cached file (query strings such as ?paused or ?embed do not matter), else the app.
        const cached = await caches.match(request, { ignoreSearch: true });
        return cached || (request.mode === 'navigate' ? caches.match('./index.html') : Response.error());
      }),
  );
});
