export { readBody, type BodyRead } from './read-body.ts';
