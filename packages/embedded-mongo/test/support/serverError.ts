/**
 * Awaits an operation that must fail on the server and returns its MongoServerError (a test
 * using it fails when nothing throws, or when the failure is not a server error).
 */
import { MongoServerError } from 'mongodb';

export async function serverError(promise: Promise<unknown>): Promise<MongoServerError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof MongoServerError) return err;
    throw err;
  }
  throw new Error('expected the server to reject the operation');
}
