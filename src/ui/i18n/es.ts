import type { Messages } from '../../core/messages';

/**
 * Spanish (es). Wording follows the AEPD's Guía sobre el uso de las cookies
 * (https://www.aepd.es/guias/guia-cookies.pdf): "cookies técnicas", "de análisis o medición",
 * "Aceptar" / "Rechazar" / "Configurar" at the same level.
 * Glossary (for a native reviewer): cookie → cookie (pl. cookies, feminine); consent →
 * consentimiento; Accept all → Aceptar todas; Reject all → Rechazar todas; Customize →
 * Configurar; essential → técnicas (necesarias); analytics/audience measurement → análisis;
 * marketing → publicidad; privacy policy → Política de privacidad; partners → socios; Global
 * Privacy Control → kept in English. Formal address (usted); quotation marks «…».
 */
export const es: Messages = {
  title: 'Cookies y tecnologías similares',
  text: '{site} utiliza cookies y tecnologías similares (como el almacenamiento local): las técnicas, necesarias para que este sitio funcione, y, solo con su consentimiento, otras para: {purposes}. Rechazarlas no cambia nada en el funcionamiento del sitio. Puede cambiar su elección en cualquier momento desde «Preferencias de cookies», al pie de cada página.',
  partners: 'Socios: {partners}.',
  morePartners: '{n} más',
  policy: 'Política de privacidad',
  gpc: 'Se ha aplicado la señal Global Privacy Control de su navegador: las cookies opcionales están desactivadas.',
  acceptAll: 'Aceptar todas',
  rejectAll: 'Rechazar todas',
  customize: 'Configurar',
  new: 'Novedades desde su última elección: {items}',
  save: 'Guardar mi elección',
  saved: 'Elección guardada',
  intro: 'Elija lo que autoriza. Las cookies técnicas están siempre activas: el sitio no puede funcionar sin ellas. Puede cambiar su elección aquí en cualquier momento.',
  close: 'Cerrar',
  alwaysActive: 'Siempre activas',
  essential: 'Técnicas',
  'essential.d': 'Inicio de sesión, seguridad y recordar esta elección.',
  analytics: 'Análisis',
  'analytics.d': 'Estadísticas de uso del sitio, para mejorarlo.',
  marketing: 'Publicidad',
  'marketing.d': 'Anuncios y medición de su eficacia.',
  preferences: 'Preferencias de cookies',
  placeholderText: '{service} está bloqueado. Si lo permite, {service} podrá instalar cookies y obtener información sobre su visita.',
  placeholderAllow: 'Permitir {service}',
};
