/**
 * Error records produced while reading. The code is data (`ErrorCodeSchema`); the message
 * is one sentence for the user, naming the input, never a stack trace.
 */
import { ERROR_SCHEMA_ID, type ErrorCode, type ErrorRecord } from '../schema/record.js';
import type { Article } from './article.js';

export type InputItem = { readonly kind: 'article'; readonly article: Article } | { readonly kind: 'error'; readonly error: ErrorRecord };

export function inputError(source: string, id: string | null, code: ErrorCode, message: string): InputItem {
  return { kind: 'error', error: { schema: ERROR_SCHEMA_ID, source, id, error: { code, message } } };
}

/** A short, printable form of a system error (`ENOENT` → "it does not exist"). */
export function describeFsError(error: unknown): { code: ErrorCode; reason: string } {
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  switch (errno) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'not-found', reason: 'it does not exist' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'unreadable', reason: 'permission was denied' };
    case 'EISDIR':
      return { code: 'unreadable', reason: 'it is a directory' };
    case 'ELOOP':
      return { code: 'unreadable', reason: 'it is a symbolic link loop' };
    default:
      return { code: 'unreadable', reason: errno ? `the system reported ${errno}` : 'it could not be read' };
  }
}

/** Human-sized byte counts for messages ("10 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
