export { SAMPLE_PAYLOADS } from './notifications/testing/payloads.ts';
