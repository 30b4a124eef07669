export * from './paging';
export * from './projection';
export * from './read-model-db';
export * from './stored-event-message';
