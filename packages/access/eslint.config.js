import { config } from '@reception/eslint-config';

export default config(import.meta.dirname);
