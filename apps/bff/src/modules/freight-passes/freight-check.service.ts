import QRCode from 'qrcode';
import type { z } from 'zod';
import {
  CHECK_RESULT_LABELS,
  type FreightCheckResult,
  type FreightFigures,
  type FreightPass,
  type FreightToken,
  type freightCheckInputSchema,
} from '@fugong/contracts';
import { freightPassVerdict } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import { DomainError } from '../../errors';
import { PASS_TOKEN_REFRESH_SEC, type PassTokenSigner } from '../health-checkins';
import type { FreightCheckRepository } from './freight-check.repository';
import type { FreightFiguresRepository } from './freight-figures.repository';
import type { FreightPassRecord, FreightPassRepository } from './freight-pass.repository';
import { maskedDriver, toFreightPassView } from './freight-pass.view';

/** The signed-in person's stored phone (encrypted), to find the passes they drive under. */
export type PhoneOf = (userId: string) => Promise<string | null>;

export interface FreightCheckServiceDeps {
  passes: FreightPassRepository;
  checks: FreightCheckRepository;
  figures: FreightFiguresRepository;
  signer: PassTokenSigner;
  pii: PiiCipher;
  phoneEncOf: PhoneOf;
  clock: Clock;
}

type CheckInput = z.output<typeof freightCheckInputSchema>;

/**
 * The pass on the road: the driver's phone shows a signed QR that lives 90 s (the health pass's
 * signer with its own key), the checkpoint scans it, and every scan is recorded. Status is read
 * at each scan, so a revocation refuses the very next one.
 */
export class FreightCheckService {
  constructor(private readonly d: FreightCheckServiceDeps) {}

  /** Passes whose driver phone is the signed-in person's own. */
  async driving(actor: Actor): Promise<{ items: FreightPass[] }> {
    const hash = await this.myPhoneHash(actor);
    if (!hash) return { items: [] };
    const now = this.d.clock.now();
    return {
      items: (await this.d.passes.listForDriver(hash)).map((p) => toFreightPassView(p, this.d.pii, now)),
    };
  }

  /** A fresh QR for the driver's own approved pass; anyone else hears "not found". */
  async token(actor: Actor, id: string): Promise<FreightToken> {
    const p = await this.d.passes.findById(id);
    const hash = await this.myPhoneHash(actor);
    if (!p || !hash || p.driver.phoneHash !== hash) throw new DomainError('NOT_FOUND', '未找到该通行证');
    const now = this.d.clock.now();
    const verdict = freightPassVerdict(p, now);
    if (verdict === 'revoked' || verdict === 'not_approved' || verdict === 'expired')
      throw new DomainError('BUSINESS_RULE', `通行证${CHECK_RESULT_LABELS[verdict]}，不能出示`, {
        result: verdict,
      });
    const { token, expiresAt } = this.d.signer.sign(p.id, now);
    return {
      token,
      qrDataUrl: await QRCode.toDataURL(token, { errorCorrectionLevel: 'M', margin: 1, width: 320 }),
      expiresAt: expiresAt.toISOString(),
      refreshInSec: PASS_TOKEN_REFRESH_SEC,
      pass: toFreightPassView(p, this.d.pii, now),
    };
  }

  /** One scan: judge the code and the pass at this instant, record it, answer the checker. */
  async check(actor: Actor, input: CheckInput): Promise<FreightCheckResult> {
    const now = this.d.clock.now();
    const passId = this.d.signer.verify(input.token, now);
    const pass = passId ? await this.d.passes.findById(passId) : null;
    const result = pass ? freightPassVerdict(pass, now) : 'code_invalid';
    const id = await this.d.checks.append({
      passId: pass?.id ?? null,
      plate: pass?.plate ?? null,
      cargo: pass?.cargo ?? null,
      checkpointCode: input.checkpoint.code,
      checkpointName: input.checkpoint.name,
      checkerId: actor.id,
      at: now,
      result,
    });
    return {
      id,
      result,
      message: CHECK_RESULT_LABELS[result],
      checkedAt: now.toISOString(),
      pass: pass ? this.scanView(pass) : null,
    };
  }

  /** The command's figures, read from the counters every pass and check write keeps. */
  async figures(): Promise<FreightFigures> {
    return this.d.figures.read();
  }

  private scanView(p: FreightPassRecord): NonNullable<FreightCheckResult['pass']> {
    return {
      id: p.id,
      plate: p.plate,
      vehicleType: p.vehicleType,
      cargo: p.cargo,
      driver: maskedDriver(p, this.d.pii),
      enterpriseName: p.enterpriseName,
      route: p.route,
      validFrom: p.validFrom.toISOString(),
      validUntil: p.validUntil.toISOString(),
    };
  }

  private async myPhoneHash(actor: Actor): Promise<string | null> {
    const enc = await this.d.phoneEncOf(actor.id);
    return enc ? this.d.pii.lookupHash(this.d.pii.decrypt(enc)) : null;
  }
}
