// The mock Metabase page's look, from the URL's hash as Metabase's own page
// reads it (the server never sees it): bordered, titled, theme
// (night, transparent). What it applied is written on the frame for tests.
(function () {
  const options = new URLSearchParams(location.hash.replace(/^#/, ''));
  const frame = document.querySelector('[data-testid=mb-frame]');
  if (!frame) return;
  const bordered = options.get('bordered') !== 'false';
  const titled = options.get('titled') !== 'false';
  const theme = options.get('theme') || 'light';
  frame.style.border = bordered ? '1px solid #c9ced6' : 'none';
  const header = frame.querySelector('[data-testid=header]');
  if (header) header.hidden = !titled;
  if (theme === 'night') {
    frame.style.background = '#1f2328';
    frame.style.color = '#e6e8eb';
  } else if (theme === 'transparent') {
    frame.style.background = 'transparent';
  }
  frame.dataset.bordered = String(bordered);
  frame.dataset.titled = String(titled);
  frame.dataset.theme = theme;
})();
