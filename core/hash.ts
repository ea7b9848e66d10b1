/** Content hashes for caches: one function, so every cache keys files the same way. */
import {createHash} from 'node:crypto';

export function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}
