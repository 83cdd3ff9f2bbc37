import { timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header carries `Bearer <token>`, compared in constant time so the
 * token cannot be guessed byte by byte. The receiver's exports and data-subject routes and the
 * dashboard's numbers share it (one token, `EXPORT_TOKEN`).
 * @example hasToken(request.headers.authorization, process.env.EXPORT_TOKEN)
 */
export function hasToken(authorization = '', token) {
  const given = Buffer.from(authorization);
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
