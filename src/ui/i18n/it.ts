import type { Messages } from '../../core/messages';

/**
 * Italian (it). Wording follows the Garante per la protezione dei dati personali, "Linee guida
 * cookie e altri strumenti di tracciamento" (provvedimento n. 231 del 10 giugno 2021, G.U. n. 163
 * del 9 luglio 2021): https://www.garanteprivacy.it/home/docweb/-/docweb-display/docweb/9677876
 * Glossary (for a native reviewer): cookie → cookie (invariable); similar technologies → altri
 * strumenti di tracciamento; consent → consenso; Accept all → Accetta tutti; Reject all → Rifiuta
 * tutti; Customize → Personalizza; essential → tecnici (the Garante's "cookie tecnici");
 * analytics/audience measurement → statistiche; marketing → marketing; privacy policy →
 * informativa privacy; partners → partner (invariable); local storage → archiviazione locale;
 * Global Privacy Control → kept in English. Register: informal "tu", as most Italian sites.
 */
export const it: Messages = {
  title: 'Cookie e altri strumenti di tracciamento',
  text: '{site} utilizza cookie e altri strumenti di tracciamento (come l’archiviazione locale): quelli tecnici, necessari al funzionamento del sito, e, solo con il tuo consenso, altri per: {purposes}. Rifiutare non cambia nulla nel funzionamento del sito. Puoi modificare la tua scelta in qualsiasi momento tramite «Preferenze cookie» in fondo a ogni pagina.',
  partners: 'Partner: {partners}.',
  morePartners: 'Altri {n}',
  policy: 'Informativa privacy',
  gpc: 'È stato applicato il segnale Global Privacy Control del tuo browser: i cookie facoltativi sono disattivati.',
  acceptAll: 'Accetta tutti',
  rejectAll: 'Rifiuta tutti',
  customize: 'Personalizza',
  new: 'Novità dalla tua ultima scelta: {items}',
  save: 'Salva le mie scelte',
  saved: 'Scelte salvate',
  intro: 'Scegli cosa autorizzare. I cookie tecnici sono sempre attivi: il sito non può funzionare senza di essi. Puoi modificare la tua scelta qui in qualsiasi momento.',
  close: 'Chiudi',
  alwaysActive: 'Sempre attivi',
  essential: 'Tecnici',
  'essential.d': 'Accesso, sicurezza e memorizzazione di questa scelta.',
  analytics: 'Statistiche',
  'analytics.d': 'Statistiche sull’uso del sito, per migliorarlo.',
  marketing: 'Marketing',
  'marketing.d': 'Pubblicità e misurazione della sua efficacia.',
  preferences: 'Preferenze cookie',
  placeholderText: 'Il contenuto di {service} è bloccato. Se lo consenti, {service} potrà installare cookie e raccogliere informazioni sulla tua visita.',
  placeholderAllow: 'Consenti {service}',
};
