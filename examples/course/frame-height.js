// Sizes every GroupLab iframe (`?embed`) on this page to the height it reports with postMessage.
window.addEventListener('message', (event) => {
  if (event.data?.type !== 'grouplab:height' || typeof event.data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe[data-grouplab-frame]')) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(event.data.height)}px`;
  }
});
