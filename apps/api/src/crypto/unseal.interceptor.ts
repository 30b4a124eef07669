import { Inject, Injectable, type CallHandler, type NestInterceptor } from '@nestjs/common';
import { from, mergeMap, type Observable } from 'rxjs';
import { unsealDeep, type KeyStore } from '@app/engine';
import { KEY_STORE } from './key-store.token';

/**
 * Personal fields travel sealed from the log through the read models to
 * here, the last step before the caller: only an authorised answer is ever
 * decrypted, and a destroyed key answers `[raderad]`.
 */
@Injectable()
export class UnsealInterceptor implements NestInterceptor {
  constructor(@Inject(KEY_STORE) private readonly keys: KeyStore) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(mergeMap((body: unknown) => from(unsealDeep(body, (caseId) => this.keys.findKey(caseId)))));
  }
}
