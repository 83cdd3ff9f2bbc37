import type { Messages } from '../../core/messages';

/**
 * Greek (el). Wording follows the Hellenic DPA's (ΑΠΔΠΧ) Recommendation 1/2020 on cookies and
 * similar tracking technologies (https://www.dpa.gr) ("συγκατάθεση", "απαραίτητα cookies").
 * Glossary (for a native reviewer): cookie → cookie (pl. cookies, neuter: τα cookies); consent
 * → συγκατάθεση; Accept all → Αποδοχή όλων; Reject all → Απόρριψη όλων; Customize →
 * Προσαρμογή; essential → απαραίτητα; analytics/audience measurement → στατιστικά; marketing →
 * μάρκετινγκ; privacy policy → Πολιτική απορρήτου; partners → συνεργάτες; Global Privacy
 * Control → kept in English. Formal/plural address (εσείς); quotation marks «…»; service
 * names take the neuter article (το YouTube).
 */
export const el: Messages = {
  title: 'Cookies και παρόμοιες τεχνολογίες',
  text: '{site} χρησιμοποιεί cookies και παρόμοιες τεχνολογίες (όπως η τοπική αποθήκευση): απαραίτητα για τη λειτουργία αυτού του ιστότοπου και, μόνο με τη συγκατάθεσή σας, άλλα για: {purposes}. Η άρνηση δεν αλλάζει τίποτα στη λειτουργία του ιστότοπου. Μπορείτε να αλλάξετε την επιλογή σας ανά πάσα στιγμή από τις «Ρυθμίσεις cookies» στο κάτω μέρος κάθε σελίδας.',
  partners: 'Συνεργάτες: {partners}.',
  morePartners: '{n} ακόμη',
  policy: 'Πολιτική απορρήτου',
  gpc: 'Εφαρμόστηκε το σήμα Global Privacy Control του προγράμματος περιήγησής σας: τα προαιρετικά cookies είναι απενεργοποιημένα.',
  acceptAll: 'Αποδοχή όλων',
  rejectAll: 'Απόρριψη όλων',
  customize: 'Προσαρμογή',
  new: 'Νέα από την τελευταία σας επιλογή: {items}',
  save: 'Αποθήκευση επιλογών',
  saved: 'Οι επιλογές αποθηκεύτηκαν',
  intro: 'Επιλέξτε τι επιτρέπετε. Τα απαραίτητα cookies είναι πάντα ενεργά: ο ιστότοπος δεν μπορεί να λειτουργήσει χωρίς αυτά. Μπορείτε να αλλάξετε την επιλογή σας εδώ ανά πάσα στιγμή.',
  close: 'Κλείσιμο',
  alwaysActive: 'Πάντα ενεργά',
  essential: 'Απαραίτητα',
  'essential.d': 'Σύνδεση, ασφάλεια και απομνημόνευση αυτής της επιλογής.',
  analytics: 'Στατιστικά',
  'analytics.d': 'Μέτρηση της χρήσης του ιστότοπου, για τη βελτίωσή του.',
  marketing: 'Μάρκετινγκ',
  'marketing.d': 'Διαφήμιση και μέτρηση της αποτελεσματικότητάς της.',
  preferences: 'Ρυθμίσεις cookies',
  placeholderText: 'Το {service} είναι αποκλεισμένο. Αν το επιτρέψετε, το {service} θα μπορεί να αποθηκεύει cookies και να συλλέγει πληροφορίες για την επίσκεψή σας.',
  placeholderAllow: 'Να επιτρέπεται το {service}',
};
