// The API's handlers, by domain (src/main/api/<domain>.ts beside src/shared/api/<domain>.ts). Each domain's
// handler map is typed by its declaration, so a method declared and not handled (or the reverse) does not compile.
import { catalogHandlers } from './catalog.js';
import { checkHandlers } from './check.js';
import { exportHandlers } from './export.js';
import { filesHandlers } from './files.js';
import { fixHandlers } from './fix.js';
import { intakeHandlers } from './intake.js';
import { printHandlers } from './print.js';
import { provinceHandlers } from './province.js';
import { joinDomains } from '../../shared/api.js';
import type { Handlers } from './session.js';
import { systemHandlers } from './system.js';
import { unitHandlers } from './unit.js';
import { worksHandlers } from './works.js';

export {
  checkSession,
  closeSession,
  createSession,
  loadCatalog,
  workspaceOf,
  type Handlers,
  type Session,
} from './session.js';

export const handlers: Handlers = joinDomains(
  catalogHandlers,
  unitHandlers,
  worksHandlers,
  filesHandlers,
  checkHandlers,
  fixHandlers,
  exportHandlers,
  printHandlers,
  intakeHandlers,
  provinceHandlers,
  systemHandlers,
);
