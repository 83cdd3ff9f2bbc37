import type { Messages } from '../../core/messages';

/**
 * Portuguese (pt, European Portuguese; `pt-BR` resolves here). Wording follows the CNPD's
 * vocabulary (https://www.cnpd.pt) and Lei n.º 41/2004, art. 5.º (consentimento prévio para
 * cookies e tecnologias semelhantes).
 * Glossary (for a native reviewer): cookie → cookie; consent → consentimento; Accept all → Aceitar
 * todos; Reject all → Rejeitar todos; Customize → Personalizar; essential → essenciais;
 * analytics/audience measurement → estatísticas; marketing → marketing; privacy policy →
 * política de privacidade; partners → parceiros; Global Privacy Control → kept in English.
 */
export const pt: Messages = {
  title: 'Cookies e tecnologias semelhantes',
  text: '{site} utiliza cookies e tecnologias semelhantes (como o armazenamento local): uns essenciais ao funcionamento deste site e, apenas com o seu consentimento, outros para: {purposes}. Recusar não altera em nada o funcionamento do site. Pode alterar a sua escolha a qualquer momento através de «Preferências de cookies», na parte inferior de cada página.',
  partners: 'Parceiros: {partners}.',
  morePartners: 'mais {n}',
  policy: 'Política de privacidade',
  gpc: 'Foi aplicado o sinal Global Privacy Control do seu navegador: os cookies opcionais estão desativados.',
  acceptAll: 'Aceitar todos',
  rejectAll: 'Rejeitar todos',
  customize: 'Personalizar',
  new: 'Novo desde a sua última escolha: {items}',
  save: 'Guardar as minhas escolhas',
  saved: 'Escolhas guardadas',
  intro: 'Escolha o que autoriza. Os cookies essenciais estão sempre ativos: o site não pode funcionar sem eles. Pode alterar a sua escolha aqui a qualquer momento.',
  close: 'Fechar',
  alwaysActive: 'Sempre ativos',
  essential: 'Essenciais',
  'essential.d': 'Início de sessão, segurança e memorização desta escolha.',
  analytics: 'Estatísticas',
  'analytics.d': 'Medição da utilização do site, para o melhorar.',
  marketing: 'Marketing',
  'marketing.d': 'Publicidade e medição da sua eficácia.',
  preferences: 'Preferências de cookies',
  placeholderText: 'O conteúdo de {service} está bloqueado. Se o autorizar, {service} poderá instalar cookies e obter informações sobre a sua visita.',
  placeholderAllow: 'Autorizar {service}',
};
