// The script of embed.html: give the element a text, listen to its events, export.
import './annotator.js';

const el = document.getElementById('demo');
const log = document.getElementById('log');
const say = (line) => { log.textContent = `${line}\n${log.textContent}`.slice(0, 4000); };

el.addEventListener('change', (e) => say(`change: ${e.detail.spans.length} spans`));
el.addEventListener('select', (e) => say(`select: ${e.detail.type || 'range'} ${e.detail.start}–${e.detail.end} «${e.detail.text}»`));
el.addEventListener('error', (e) => say(`error: ${e.detail.message}`));

// Setting `text` annotates it (with the `date` attribute as the document date).
el.text = 'Бүгін Астанада Асхат Жұмағали халықаралық форумда сөз сөйледі. ' +
  '«Сыбайлас жемқорлыққа қарсы күрес үздіксіз болуы керек», - деді ол. Форум 05.12.2023 өтті.';
// Or show a document as it is: el.annotations = {format: 'belgi/1', text, offsets: 'utf16', spans: [...]}

document.getElementById('show-json').addEventListener('click', () => { log.textContent = el.export('json'); });
document.getElementById('show-brat').addEventListener('click', () => {
  const { ann } = el.export('brat');
  log.textContent = ann || '(no spans)';
});
