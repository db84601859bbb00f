// The editor's last step, once a book is downloaded: putting it on the clinic's site, both ways.
// The code for a page editor's HTML block, with the book inside the widget's element (the module
// writes it: `embedCode`, which escapes the book so no text in it can end the script element), and
// the file way: a first-time message for the website's person (which folders go where, once, and
// the lines for both pages) and the lines themselves. The file's name never changes, so after the
// first time a price change replaces one file.
import { embedCode } from './pkg-staff/amnion_estimator.js';

const $ = (id) => document.getElementById(id);

/**
 * Where the widget's folder (`dist/`) goes on the clinic's site, and the staff page's
 * (`dist-staff/`): the names the message, the lines and the code use.
 */
const WIDGET = '/estimator/';
const STAFF = '/staff/';

/** The book's effective date (`2026-12-15`) as the message says it: "December 15, 2026". */
function startsOn(date) {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return day.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** Copies `text` for the button that says so, or asks the person to select and copy it. */
async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Select the text above and copy it.';
  }
}

/**
 * Shows the ways to publish `file` (the book just downloaded, as a plain object) under the name
 * `fileName`. The code names the widget's folder from the root of the clinic's site
 * (`/estimator/`), never by this editor's own address: the editor may run on another computer
 * (`http://127.0.0.1:8000/`), and the page the code is pasted into is on the clinic's site.
 */
export function showPublish(file, fileName) {
  $('file-name').textContent = fileName;
  $('published-version').textContent = file.version;
  // The site uses a book from the moment it is there (DESIGN.md, "Why does 'Prices take effect
  // on' not hold prices back?"): both ways say to put it there on that day.
  const from = startsOn(file.effective_date);
  $('published-from').textContent = from;
  published = file;
  showCode();
  // The README's lines for a widget anywhere on a page: it waits its turn, so no preload lines
  // (they would take the link from the page's own pictures; the README says when to add them).
  $('snippet').textContent = [
    `<script type="module" src="${WIDGET}estimator.js"></script>`,
    `<amnion-estimator price-book="${WIDGET}${fileName}"></amnion-estimator>`,
  ].join('\n');
  $('staff-snippet').textContent = `<meta name="amnion-price-book" content="${fileName}">`;
  $('web-message').value = [
    'Hello,',
    '',
    `Attached is the clinic's price book for the cost estimator, ${fileName} (version ${file.version}). Its name is the same for every version, so once the estimator is set up, a price change is only this file, replaced.`,
    '',
    `The first time only (skip what is done already), on ${from} with step 5: until the price book is there, the page shows only a message to call the clinic.`,
    `1. In the estimator's files the clinic received, open the folder www. Copy the folder dist/ in it to the website as ${WIDGET} (everything inside it). It is the widget: its script, stylesheet, markup and modules, in English and Spanish.`,
    `2. Copy the folder dist-staff/, beside it in www, to the website as ${STAFF}, behind the clinic's own login: the staff page (staff.html) and the price-book editor (editor.html).`,
    '   If the two folders are not in the files you have, ask whoever gave the clinic the estimator for its ready-to-copy files.',
    '3. On the page that shows the estimate, put these lines where the estimate should appear:',
    '',
    $('snippet').textContent,
    '',
    `4. In ${STAFF}staff.html, inside <head>, put this line: ${$('staff-snippet').textContent}`,
    '',
    'Every time (now too):',
    `5. Put ${fileName} in ${WIDGET} and in ${STAFF}, in place of the one there, on ${from}, not before: these prices take effect that day, and the site uses a price book as soon as it is there.`,
    `   If the server can, have it send "Cache-Control: no-cache" for ${fileName}, so that visitors' browsers do not keep showing last month's prices for a while.`,
    '',
    'Thank you.',
  ].join('\n');
  $('write-message').href = `mailto:?subject=${encodeURIComponent('The estimator\'s price book')}&body=${encodeURIComponent($('web-message').value)}`;
  $('publish').hidden = false;
}

// Where the widget's files are, for the code's script line: the clinic's own site's folder, or a
// full address on another server (a Squarespace or Wix site holds no folder of files). Kept in
// this browser (it is no patient's data) for next month's code.
const FOLDER_KEY = 'amnion-editor-widget-folder';
let published; // the book last downloaded, whose code is shown
const folder = () => {
  const typed = $('widget-folder').value.trim();
  const named = typed.endsWith('/') ? typed : `${typed}/`;
  return /^(\/|https:\/\/[^/\s]+\/)[^\s"<>]*$/.test(named) ? named : undefined;
};
function showCode() {
  const where = folder();
  // Its words only while it is shown: a hidden message is no problem of the form.
  $('widget-folder-problem').textContent = where === undefined ? "Write where the widget's folder is: /estimator/ on the clinic's own site, or a full address that starts with https://" : '';
  $('widget-folder-problem').hidden = where !== undefined;
  $('widget-folder').setAttribute('aria-invalid', where === undefined);
  $('embed-code').value = where === undefined || !published ? '' : embedCode(published, where);
  $('code-copied').textContent = '';
}
try {
  $('widget-folder').value = localStorage.getItem(FOLDER_KEY) ?? WIDGET;
} catch { /* storage refused: the clinic's own site's folder */ }
$('widget-folder').addEventListener('input', () => {
  try {
    localStorage.setItem(FOLDER_KEY, $('widget-folder').value.trim());
  } catch { /* storage refused: kept for this visit only */ }
  showCode();
});
$('copy-code').addEventListener('click', () => {
  if (folder() === undefined) {
    $('code-copied').textContent = 'Not copied: fix where the widget\'s files are, just above.';
    return;
  }
  copy($('embed-code').value, $('code-copied'));
});
$('copy-snippet').addEventListener('click', () => copy($('snippet').textContent, $('copied')));
$('copy-message').addEventListener('click', () => copy($('web-message').value, $('message-copied')));
