// Light and dark themes: the system's preference (prefers-color-scheme) until the user picks one
// with the toggle; the choice is kept in this browser.

const KEY = 'xenplane.theme';

export function initTheme(button) {
  const apply = (theme) => {
    if (theme) document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
    const dark = effective() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.textContent = dark ? 'Light theme' : 'Dark theme';
  };
  apply(localStorage.getItem(KEY));
  button.addEventListener('click', () => {
    const next = effective() === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    apply(next);
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(localStorage.getItem(KEY)));
}

function effective() {
  return document.documentElement.dataset.theme
    || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}
