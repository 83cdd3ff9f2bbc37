import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core';
import * as full from '../../src/index';

/**
 * The names an entry file exports only as types, read by the TypeScript checker from the source
 * (tsup builds dist/*.d.ts from these files; unit tests run before the build).
 */
function typeExports(...entries: string[]): string[][] {
  const files = entries.map((entry) => join(__dirname, '../../src', entry));
  const program = ts.createProgram(files, { noEmit: true, noLib: true, types: [], skipLibCheck: true, jsx: ts.JsxEmit.ReactJSX, jsxImportSource: 'preact', moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext });
  const checker = program.getTypeChecker();
  return files.map((file) => {
    const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    return checker
      .getExportsOfModule(symbol)
      .filter((name) => {
        const target = name.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(name) : name;
        return !(target.flags & ts.SymbolFlags.Value);
      })
      .map((name) => name.name)
      .sort();
  });
}

// The public API of each entry, by name: growing it is a decision that shows up in review.
describe('public exports', () => {
  it('@instria/consent', () => {
    expect(Object.keys(full).sort()).toEqual([
      'VERSION',
      'clarity',
      'consentRecords',
      'cookieTable',
      'createConsent',
      'footerLinks',
      'gating',
      'googleConsentMode',
      'matomo',
      'metaPixel',
      'microsoftConsentMode',
      'mountPreferencesLink',
      'renderCookieTable',
      'tiktokPixel',
    ]);
  });

  it('@instria/consent/core', () => {
    expect(Object.keys(core).sort()).toEqual([
      'VERSION',
      'clarity',
      'consentRecords',
      'cookieTable',
      'createConsent',
      'footerLinks',
      'gating',
      'googleConsentMode',
      'matomo',
      'metaPixel',
      'microsoftConsentMode',
      'renderCookieTable',
      'tiktokPixel',
    ]);
  });

  // Both entries export the same types: `MountUI` stays internal (the UI chunk's contract with
  // the engine), `Method` is the deprecated alias of `ConsentMethod`.
  it('types of both entries', () => {
    const [fullTypes, coreTypes] = typeExports('index.ts', 'core.ts');
    expect(fullTypes).toEqual([
      'CategoryOptions',
      'Consent',
      'ConsentChange',
      'ConsentChoices',
      'ConsentEvents',
      'ConsentMethod',
      'ConsentOptions',
      'ConsentState',
      'ConsentStorage',
      'CookieDeclaration',
      'CookieEntry',
      'CookieOptions',
      'CookieTableHeadings',
      'DefaultCategory',
      'Disclosure',
      'EngineOptions',
      'GoogleConsentModeOptions',
      'GoogleConsentType',
      'InventoryRow',
      'Method',
      'NameMatcher',
      'Plugin',
      'ResolvedCategory',
      'ResolvedOptions',
      'ResolvedService',
      'ServiceOptions',
      'Translations',
      'UIView',
      'VendorSignalOptions',
    ]);
    expect(coreTypes).toEqual(fullTypes);
  }, 30_000);
});
