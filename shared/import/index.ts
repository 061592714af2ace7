/** Preparation import: spreadsheets of capacities and opportunities into a workshop's boards. */
export * from './fields';
export * from './rows';
export * from './parse';
export * from './vocabulary';
