/**
 * Command name → handler. Anything not listed answers CommandNotSupported (115).
 */
import { aggregateCommand } from './aggregate';
import { type CommandHandler } from './context';
import {
  collStatsCommand,
  createCommand,
  dbStatsCommand,
  dropCommand,
  dropDatabaseCommand,
  listCollectionsCommand,
  listDatabasesCommand,
} from './ddl';
import { collModCommand } from './collectionOptions';
import { explainCommand } from './explain';
import { findAndModifyCommand } from './findAndModify';
import {
  buildInfoCommand,
  connectionStatusCommand,
  getCmdLineOptsCommand,
  getLogCommand,
  getParameterCommand,
  helloCommand,
  setParameterCommand,
  hostInfoCommand,
  serverStatusCommand,
  whatsmyuriCommand,
} from './handshake';
import { createIndexesCommand, dropIndexesCommand, listIndexesCommand } from './indexes';
import {
  countCommand,
  distinctCommand,
  findCommand,
  getMoreCommand,
  killCursorsCommand,
} from './readCommands';
import {
  abortTransactionCommand,
  commitTransactionCommand,
  endSessionsCommand,
  killAllSessionsCommand,
  refreshSessionsCommand,
  startSessionCommand,
} from './transactions';
import { updateCommand } from './updateCommand';
import { deleteCommand, insertCommand } from './writeCommands';

const ok: CommandHandler = () => ({ ok: 1 });

export const commandTable: Record<string, CommandHandler> = {
  hello: helloCommand,
  isMaster: helloCommand,
  ismaster: helloCommand,
  ping: ok,
  buildInfo: buildInfoCommand,
  buildinfo: buildInfoCommand,
  serverStatus: serverStatusCommand,
  hostInfo: hostInfoCommand,
  getParameter: getParameterCommand,
  setParameter: setParameterCommand,
  getCmdLineOpts: getCmdLineOptsCommand,
  getLog: getLogCommand,
  connectionStatus: connectionStatusCommand,
  whatsmyuri: whatsmyuriCommand,
  insert: insertCommand,
  update: updateCommand,
  delete: deleteCommand,
  find: findCommand,
  getMore: getMoreCommand,
  killCursors: killCursorsCommand,
  findAndModify: findAndModifyCommand,
  findandmodify: findAndModifyCommand,
  aggregate: aggregateCommand,
  explain: explainCommand,
  count: countCommand,
  distinct: distinctCommand,
  create: createCommand,
  collMod: collModCommand,
  drop: dropCommand,
  dropDatabase: dropDatabaseCommand,
  listCollections: listCollectionsCommand,
  listDatabases: listDatabasesCommand,
  createIndexes: createIndexesCommand,
  listIndexes: listIndexesCommand,
  dropIndexes: dropIndexesCommand,
  deleteIndexes: dropIndexesCommand,
  collStats: collStatsCommand,
  dbStats: dbStatsCommand,
  endSessions: endSessionsCommand,
  killAllSessions: killAllSessionsCommand,
  startSession: startSessionCommand,
  refreshSessions: refreshSessionsCommand,
  commitTransaction: commitTransactionCommand,
  abortTransaction: abortTransactionCommand,
};
