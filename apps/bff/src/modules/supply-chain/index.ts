/**
 * 产业链协同 (supply-chain matching, seed 002 §四, seed 004 §4): what the rest of the BFF may use of
 * this module — its builder and its routes. Nothing else reaches into the folder.
 */
import type { Connection } from 'mongoose';
import type { RouteDef } from '../../http/route';
import { SupplyRepository } from './supply.repository';
import { SupplyService, type SupplyDeps } from './supply.service';
import { SupplierService } from './supplier.service';
import { SupplyBrowseService } from './supply-browse.service';
import { supplyRoutesFor } from './supply.routes';

export type SupplyChainDeps = Omit<SupplyDeps, 'repo'> & { conn: Connection };

/** Builds the module once (the container calls this). */
export function buildSupplyChain(d: SupplyChainDeps) {
  const { conn, ...deps } = d;
  const repo = SupplyRepository.on(conn);
  const suppliers = new SupplierService({ ...deps, repo });
  return {
    repo,
    service: new SupplyService({ ...deps, repo }),
    suppliers,
    browse: new SupplyBrowseService({ repo, suppliers }),
  };
}

export type SupplyChain = ReturnType<typeof buildSupplyChain>;

export function supplyChainRoutes(s: SupplyChain): RouteDef[] {
  return supplyRoutesFor(s.service, s.suppliers, s.browse);
}
