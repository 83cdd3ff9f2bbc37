/**
 * The floating "Cookie preferences" button (`dist/instria-consent.widget.js`), loaded by the
 * script-tag bundle on sites configured with `widget: 'floating'`.
 */
import { floatingWidget } from '../ui/floating';

window.InstriaConsentWidget = floatingWidget;
