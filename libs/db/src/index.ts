export * from './database';
export * from './connection';
export { namedStatementClient, pgliteNamedQueries, PLANNED_ONCE } from './named-statements';
export { loadSampleData, type SampleDataResult } from './sample-data/load-sample-data';
export { sampleId } from './sample-data/sample-id';
export { sampleActors, mainLibraryKey } from './sample-data/actors';
export { sampleMunicipalities } from './sample-data/municipalities';
export { demoAccounts } from './sample-data/accounts';
export { runEmbeddedUpkeep, startEmbeddedUpkeep, tablesDueForUpkeep, type EmbeddedUpkeep, type TableActivity, type UpkeepStep, type UpkeepThresholds } from './embedded-upkeep';
