export * from './dossier-lookup.ts';
export { DemoDossierLookup, type DemoDossierLookupOptions } from './demo/demo-dossier-lookup.ts';
export {
  DemoDossiersError,
  loadDemoDossiers,
  type DemoDossier,
  type DemoDossiersFile,
} from './demo/demo-dossiers-file.ts';
export { HttpDossierLookup, type HttpDossierLookupOptions } from './http/http-dossier-lookup.ts';
export { lateWarning, localDate } from './site-calendar.ts';
