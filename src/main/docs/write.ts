// `npm run docs`: writes docs/rules.md and docs/forms.md for the current edition (run after changing the rules,
// the profile or the forms; test/unit/docs.test.ts says when they are stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requireProfile } from '../../shared/rules/registry.js';
import { formsDoc, rulesDoc } from './generate.js';

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const profile = requireProfile(null);
writeFileSync(`${docs}rules.md`, rulesDoc(profile));
writeFileSync(`${docs}forms.md`, formsDoc(profile));
process.stdout.write(`docs/rules.md, docs/forms.md: ${profile.edition}\n`);
